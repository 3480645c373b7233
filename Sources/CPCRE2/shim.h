#ifndef TELESCAN_CPCRE2_SHIM_H
#define TELESCAN_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Macros Swift cannot import, as functions and constants. */
static inline size_t telescan_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
static inline size_t telescan_pcre2_unset(void) { return PCRE2_UNSET; }
#endif
