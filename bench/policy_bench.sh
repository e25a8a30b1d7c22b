#!/usr/bin/env bash
# Runs every policy of the corpus through `verdict policy public` (in-process, one policy at a
# time) and prints the answer counts and the median / p95 / max time per policy.
#   bench/policy_bench.sh [VERDICT_BINARY] [CORPUS_DIR] [--verbose]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
verdict=${1:-$here/build/verdict}
corpus=${2:-$here/../shared/policies/corpus}
if [ $# -ge 2 ]; then shift 2; else shift $#; fi
exec "$verdict" policy bench "$corpus" "$@"
