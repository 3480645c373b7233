#!/usr/bin/env bash
# Split a large JSON Lines export across processes with GNU parallel, and check that the
# result is the same as one plain telescan run. Prints PASS/FAIL and timings. Not part of CI.
#
# usage: scripts/scale-parallel.sh FILE [--jobs N] [--block SIZE] [--bin PATH] [--date YYYY-MM-DD]
#
#   FILE         a JSON Lines export ({"id":..,"text":..} per line), e.g. one made with
#                scripts/make-bench-data 50 bench/bench-50.jsonl
#   --jobs N     parallel processes (default: nproc); each runs telescan with one thread (-j 1)
#   --block S    bytes per piece handed to a process (default 10M)
#   --bin PATH   the telescan binary (default .build/release/telescan)
#   --date D     service date given to every run (default: today, fixed once for all runs,
#                so that a run crossing midnight cannot give two answers)
#
# Three ways are checked against the plain run (`telescan scan FILE`):
#   1. parallel --pipe --keep-order: the output comes back in input order: cmp directly;
#   2. parallel --pipe without --keep-order: pieces come back as they finish: both outputs
#      are sorted (every record is one line that starts with its id) and compared with cmp;
#   3. parallel --pipepart -a FILE --keep-order: each process reads its own part of the file
#      (faster than --pipe, where one writer feeds every process through its stdin): cmp.
# GNU parallel --pipe cuts on line ends (--recend '\n'), and telescan prints one record per
# input line, so no record is lost or split. No --fail-on: a completed run exits 0 whatever
# it finds, and parallel's exit status counts the pieces whose process failed.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE=""
JOBS=$(nproc)
BLOCK=10M
BIN="$REPO/.build/release/telescan"
DATE=$(date +%F)
while [ $# -gt 0 ]; do
    case "$1" in
        --jobs) JOBS="$2"; shift 2 ;;
        --block) BLOCK="$2"; shift 2 ;;
        --bin) BIN="$2"; shift 2 ;;
        --date) DATE="$2"; shift 2 ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "scale-parallel: unknown option $1" >&2; exit 2 ;;
        *) FILE="$1"; shift ;;
    esac
done
[ -n "$FILE" ] && [ -s "$FILE" ] || { echo "usage: scripts/scale-parallel.sh FILE [--jobs N] [--block SIZE] [--bin PATH]" >&2; exit 2; }
[ -x "$BIN" ] || { echo "scale-parallel: no telescan binary at $BIN (swift build -c release --product telescan)" >&2; exit 2; }
command -v parallel >/dev/null 2>&1 || { echo "scale-parallel: installing GNU parallel" >&2; apt-get install -y -qq parallel >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq parallel >/dev/null; }; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/telescan-parallel.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C
# Run a copy, with its rule data beside it (as shipped to a worker): a build made meanwhile in
# the same tree must not change the binary between the plain run and the split ones.
mkdir -p "$WORK/bin"
cp "$BIN" "$WORK/bin/telescan"
[ ! -d "$(dirname "$BIN")/telescan_TelescanLexicons.resources" ] || cp -r "$(dirname "$BIN")/telescan_TelescanLexicons.resources" "$WORK/bin/"
BIN="$WORK/bin/telescan"

now() { date +%s%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
BYTES=$(stat -c %s "$FILE")
NOTES=$(wc -l < "$FILE")
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
rate() { awk -v b="$BYTES" -v n="$NOTES" -v s="$1" 'BEGIN { printf "%.1f MB/s, %.0f notes/s", b / 1e6 / s, n / s }'; }
CMD="$BIN scan --input-format jsonl --date $DATE -j 1"

echo "scale-parallel: $FILE ($MB MB, $NOTES notes), $JOBS processes, --block $BLOCK, $(parallel --version | head -1)"
cat "$FILE" > /dev/null   # warm the page cache

# Other sessions may build on this machine: wait for a quiet moment (up to 15 minutes), and
# watch during the run so that timings taken beside a compiler are flagged.
for _ in $(seq 180); do pgrep -f 'swift-build|swift-frontend' >/dev/null 2>&1 || break; sleep 5; done
( while :; do pgrep -f 'swift-build|swift-frontend' >/dev/null 2>&1 && : > "$WORK/disturbed"; sleep 1; done ) &
SAMPLER=$!
trap 'kill "$SAMPLER" 2>/dev/null; rm -rf "$WORK"' EXIT

t0=$(now); "$BIN" scan --input-format jsonl --date "$DATE" "$FILE" > "$WORK/plain.jsonl"; t1=$(now)
T_PLAIN=$(secs "$t0" "$t1")
echo "plain: telescan scan (-j $(nproc) threads, one process): ${T_PLAIN}s ($(rate "$T_PLAIN"))"

t0=$(now); "$BIN" scan --input-format jsonl --date "$DATE" -j 1 "$FILE" > "$WORK/plain1.jsonl"; t1=$(now)
T_PLAIN1=$(secs "$t0" "$t1")
echo "plain: telescan scan -j 1 (one thread, one process): ${T_PLAIN1}s ($(rate "$T_PLAIN1"))"

FAIL=0
check() {  # check NAME RC OUTPUT SORTED(0|1)
    local name="$1" rc="$2" out="$3" sorted="$4" lines verdict
    lines=$(wc -l < "$out")
    if [ "$sorted" = 1 ]; then
        sort "$WORK/plain.jsonl" > "$WORK/plain.sorted"; sort "$out" > "$out.sorted"
        cmp -s "$WORK/plain.sorted" "$out.sorted" && verdict=PASS || verdict=FAIL
    else
        cmp -s "$WORK/plain.jsonl" "$out" && verdict=PASS || verdict=FAIL
    fi
    [ "$rc" = 0 ] || verdict=FAIL
    [ "$verdict" = PASS ] || FAIL=1
    echo "$verdict: $name: exit $rc, $lines records for $NOTES notes$( [ "$sorted" = 1 ] && echo ", identical to the plain run after sorting" || echo ", byte-identical to the plain run")"
}

# 1. --keep-order: input order kept, compared directly.
t0=$(now); set +e
parallel --pipe --block "$BLOCK" --keep-order -j "$JOBS" "$CMD" < "$FILE" > "$WORK/keep.jsonl"
RC=$?; set -e; t1=$(now)
T_KEEP=$(secs "$t0" "$t1")
echo "parallel --pipe --block $BLOCK --keep-order -j $JOBS '$CMD' < FILE: ${T_KEEP}s ($(rate "$T_KEEP"))"
check "--keep-order" "$RC" "$WORK/keep.jsonl" 0

# 2. no --keep-order: pieces in completion order; sort both by id (each line starts {"id":...).
t0=$(now); set +e
parallel --pipe --block "$BLOCK" -j "$JOBS" "$CMD" < "$FILE" > "$WORK/any.jsonl"
RC=$?; set -e; t1=$(now)
T_ANY=$(secs "$t0" "$t1")
echo "parallel --pipe --block $BLOCK -j $JOBS '$CMD' < FILE: ${T_ANY}s ($(rate "$T_ANY"))"
if cmp -s "$WORK/plain.jsonl" "$WORK/any.jsonl"; then
    echo "  (came back in input order this time)"
else
    echo "  (came back out of input order, as expected without --keep-order: first difference $(cmp "$WORK/plain.jsonl" "$WORK/any.jsonl" 2>&1 | sed 's/.*: //' | head -1))"
fi
check "no --keep-order, sorted by id" "$RC" "$WORK/any.jsonl" 1

# 3. --pipepart: for a file (not a stream), each process reads its own part of the file: no
#    single writer feeds every process through a pipe.
t0=$(now); set +e
parallel --pipepart -a "$FILE" --block "$BLOCK" --keep-order -j "$JOBS" "$CMD" > "$WORK/part.jsonl"
RC=$?; set -e; t1=$(now)
T_PART=$(secs "$t0" "$t1")
echo "parallel --pipepart -a FILE --block $BLOCK --keep-order -j $JOBS '$CMD': ${T_PART}s ($(rate "$T_PART"))"
check "--pipepart --keep-order" "$RC" "$WORK/part.jsonl" 0

# Ids must be unique for "sorted by id" to mean the same as "same records".
DUP=$(grep -o '^{"id":"[^"]*"' "$WORK/plain.jsonl" | sort | uniq -d | wc -l)
[ "$DUP" = 0 ] || echo "note: $DUP ids occur more than once in the export"

[ ! -e "$WORK/disturbed" ] || echo "WARNING: a Swift build ran on this machine during the run: the timings above are low"
if [ "$FAIL" = 0 ]; then echo "PASS"; else echo "FAIL"; exit 1; fi
