#!/usr/bin/env bash
# Whole-process wall-clock timings of the founding examples: median, min and max of N runs.
# Usage: bench/time_founding.sh [N] [path/to/verdict]
set -euo pipefail
N=${1:-21}
VERDICT=${2:-build/verdict}
cd "$(dirname "$0")/.."
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$N"); do
    local t0 t1
    t0=$(date +%s%N)
    "$VERDICT" "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '%-40s median %4d ms   min %4d ms   max %4d ms   (%d runs)\n' "$label" \
    "${sorted[$((N / 2))]}" "${sorted[0]}" "${sorted[$((N - 1))]}" "$N"
}
measure "check f.c --entry check_f --json" check examples/f.c --entry check_f --json
measure "check f_wraps.c --entry check_f --json" check examples/f_wraps.c --entry check_f --json --no-native-replay
measure "check f_wraps.c (with native replay)" check examples/f_wraps.c --entry check_f --json
