#!/usr/bin/env bash
# Network questions on large synthetic snapshots (bench/gen_network_snapshot.py):
#  1. in-process: `verdict network bench` parses a snapshot once and times N random `reachable`
#     questions (interface to interface, internet to interface, interface to internet);
#  2. whole process: `verdict network reachable` run R times on the 1,000-interface snapshot.
# Usage: bench/network_bench.sh [VERDICT_BINARY] [N_QUESTIONS] [R_RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
verdict=${1:-$here/build/verdict}
questions=${2:-500}
runs=${3:-21}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$here/bench/gen_network_snapshot.py" --vpcs 20 --interfaces 1000 --groups 400 --seed 1 > "$tmp/1k.json"
python3 "$here/bench/gen_network_snapshot.py" --vpcs 100 --interfaces 5000 --groups 2000 --seed 1 > "$tmp/5k.json"
for size in 1k 5k; do
  echo "== $size interfaces: $questions random reachable questions, in-process (snapshot parsed once)"
  "$verdict" network bench "$tmp/$size.json" --questions "$questions" | grep -v "^don't know"
done
echo "== 1k interfaces: whole process, verdict network reachable (parse + question), $runs runs each"
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$verdict" network reachable "$tmp/1k.json" "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  printf '%-58s median %4d ms   min %4d ms   max %4d ms\n' "$label" "${sorted[$((runs / 2))]}" "${sorted[0]}" \
    "${sorted[$((runs - 1))]}"
}
measure "--from internet --to eni-00003-0001 --protocol tcp --port 22" --from internet --to eni-00003-0001 --protocol tcp --port 22
measure "--from eni-00003-0001 --to eni-00004-0002 --protocol tcp" --from eni-00003-0001 --to eni-00004-0002 --protocol tcp
measure "--from eni-00003-0001 --to internet --protocol tcp --port 443" --from eni-00003-0001 --to internet --protocol tcp --port 443
