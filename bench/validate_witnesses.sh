#!/usr/bin/env bash
# For every task of bench result CSVs (from `verdict bench --output`) answered true or false:
# writes the witness with `verdict svcomp --witness`, validates it with `verdict validate`, then
# validates a corrupted copy (correctness: the first invariant replaced by the false claim 0;
# violation: the first number of the first waypoint constraint plus one) and prints a table per
# property: own witness confirmed / rejected / don't know, and corrupted copy rejected / not.
#   bench/validate_witnesses.sh RESULTS.csv [MORE.csv ...]
#   (VERDICT=path/to/verdict, TIMEOUT=seconds per run, default 10; one task at a time)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
verdict=${VERDICT:-$here/build/verdict}
timeout=${TIMEOUT:-10}
B=$here/../shared/benchmarks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
declare -A count

add() { count["$1,$2"]=$(( ${count["$1,$2"]:-0} + 1 )); }

corrupt() {  # corrupt IN OUT: prints "yes" when something was changed
  python3 - "$1" "$2" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
if "invariant_set" in text:
    new, n = re.subn(r'(type: loop_invariant\n(?:.*\n)*?\s*value: )"[^"]*"', r'\g<1>"0"', text, count=1)
else:
    def bump(m):
        head, num = m.group(1), m.group(2)
        return head + re.sub(r"-?\d+", lambda k: str(int(k.group(0)) + 1), num, count=1)
    new, n = re.subn(r'(constraint:\n\s*value: ")([^"]*\d[^"]*)', bump, text, count=1)
open(sys.argv[2], "w").write(new)
print("yes" if n else "no")
PY
}

for csv in "$@"; do
  while IFS=, read -r yml input prop exp ans rest; do
    [ "$ans" = "true" ] || [ "$ans" = "false" ] || continue
    [ "$prop" = "termination" ] && continue
    dm=$(grep -F "$yml,$input,$prop" "$B/manifest.csv" | head -1 | awk -F, '{print $6}' | tr -d '\r')
    prp="$B/sv-benchmarks/c/properties/$prop.prp"
    w="$work/w.yml"; rm -f "$w"
    "$verdict" svcomp --data-model "${dm:-LP64}" --property "$prp" --timeout "$timeout" --witness "$w" "$B/$input" \
      >/dev/null 2>&1 </dev/null || true
    if [ ! -s "$w" ]; then add "$prop" none; echo "no witness: $input ($prop)"; continue; fi
    add "$prop" witnesses
    set +e
    "$verdict" validate --witness "$w" --property "$prp" --timeout "$timeout" "$B/$input" >"$work/out" 2>&1 </dev/null
    code=$?
    set -e
    case $code in
      0) add "$prop" confirmed ;;
      10) add "$prop" rejected; echo "REJECTED own witness: $input ($prop): $(tail -1 "$work/out")" ;;
      *) add "$prop" dont_know; echo "don't know: $input ($prop): $(tail -1 "$work/out")" ;;
    esac
    if [ "$(corrupt "$w" "$work/bad.yml")" = yes ]; then
      set +e
      "$verdict" validate --witness "$work/bad.yml" --property "$prp" --timeout "$timeout" "$B/$input" \
        >"$work/out" 2>&1 </dev/null
      code=$?
      set -e
      if [ $code = 10 ]; then add "$prop" bad_rejected
      else add "$prop" bad_not_rejected; echo "corrupted copy not rejected (exit $code): $input ($prop)"; fi
    else
      add "$prop" bad_none
    fi
  done < <(tail -n +2 "$csv")
done

printf "\n%-13s %9s %9s %9s %10s %10s %13s %15s %13s\n" property witnesses confirmed rejected dont_know no_witness \
  bad_rejected bad_not_rejected nothing_to_bad
for prop in unreach-call no-overflow; do
  g() { echo "${count["$prop,$1"]:-0}"; }
  printf "%-13s %9s %9s %9s %10s %10s %13s %15s %13s\n" "$prop" "$(g witnesses)" "$(g confirmed)" "$(g rejected)" \
    "$(g dont_know)" "$(g none)" "$(g bad_rejected)" "$(g bad_not_rejected)" "$(g bad_none)"
done
