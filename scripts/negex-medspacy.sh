#!/usr/bin/env bash
# Score medspaCy's ConText (default rules) on the NegEx test kit; see scripts/negex-medspacy.py.
# Creates .venv-medspacy in the repository root on first use. Not part of CI.
set -euo pipefail
exec python3 "$(dirname "$0")/negex-medspacy.py" "$@"
