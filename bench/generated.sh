#!/usr/bin/env bash
# Generated C programs with exact answers (test/generated/): N safety programs and M
# termination programs, run one at a time (the machine is shared), each classified as correct
# yes / correct no / don't know / WRONG / crash; disagreements are written to OUT.
#   bench/generated.sh [N=1000] [M=200] [SEED=1] [TIMEOUT=5] [VERDICT_BINARY] [OUT=generated-disagreements]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-1000}
m=${2:-200}
seed=${3:-1}
timeout=${4:-5}
verdict=${5:-$here/build/verdict}
out=${6:-generated-disagreements}
status=0
python3 "$here/test/generated/run.py" --kind safety --count "$n" --seed "$seed" --timeout "$timeout" \
  --verdict "$verdict" --out "$out" --quiet || status=1
python3 "$here/test/generated/run.py" --kind termination --count "$m" --seed "$seed" --timeout "$timeout" \
  --verdict "$verdict" --out "$out" --quiet || status=1
exit $status
