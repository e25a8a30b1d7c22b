#!/usr/bin/env bash
# CPU cost of a whole `verdict check` process against the floor of its work, a bare clang
# parse of the same file (#8 item 7): N alternating runs of each, medians of perf's
# task-clock (user + system CPU of all threads and the crash-isolation child).
# Usage: bench/overhead_vs_parse.sh [N] [path/to/verdict] [file.c] [entry]
set -euo pipefail
N=${1:-21}
VERDICT=${2:-build/verdict}
FILE=${3:-examples/f.c}
ENTRY=${4:-check_f}
cd "$(dirname "$0")/.."
cpu_ms() {  # task-clock in ms of one run of the command
  perf stat -x, -e task-clock -- "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}'
}
v=() c=()
for _ in $(seq "$N"); do
  v+=("$(cpu_ms "$VERDICT" check "$FILE" --entry "$ENTRY")")
  c+=("$(cpu_ms clang-14 -fsyntax-only "$FILE")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
mv=$(median "${v[@]}") mc=$(median "${c[@]}")
printf 'verdict check %s --entry %s: median %.1f ms CPU\n' "$FILE" "$ENTRY" "$mv"
printf 'clang-14 -fsyntax-only %s:      median %.1f ms CPU\n' "$FILE" "$mc"
awk -v a="$mv" -v b="$mc" 'BEGIN {printf "ratio: %.2f (target at most 1.3)\n", a / b}'
