#!/usr/bin/env bash
# Re-runs every termination task that a bench run answered (true or false) with --json and
# counts how each answer's evidence was re-checked: a yes by cvc5 (ranking certificates; for
# a proof over the integer reading both on it and, translated, in C) or
# by the IR interpreter (a program without inputs run to its end); a no by the IR
# interpreter's replay (lassos) or by a replayed stem plus cvc5 (recurrent sets), and how
# many were also confirmed by running the compiled program.
#   bench/recheck_termination.sh RESULTS.csv            (VERDICT=path/to/verdict to override)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
verdict=${VERDICT:-$here/build/verdict}
B=$here/../shared/benchmarks
declare -A count
while IFS=, read -r yml input prop exp ans rest; do
  [ "$prop" = "termination" ] || continue
  [ "$ans" = "true" ] || [ "$ans" = "false" ] || continue
  dm=$(grep -F "$yml,$input,$prop" "$B/manifest.csv" | head -1 | awk -F, '{print $6}' | tr -d '\r')
  out=$("$verdict" svcomp --json --data-model "${dm:-LP64}" --property "$B/sv-benchmarks/c/properties/$prop.prp" \
        --timeout 10 "$B/$input" 2>/dev/null < /dev/null || true)
  kind=$(printf '%s' "$out" | python3 -c "import json,sys
j,_=json.JSONDecoder().raw_decode(sys.stdin.read().lstrip())
e=j.get('evidence') or {}
if j.get('answer')=='yes':
    c=' '.join((e.get('proof') or {}).get('checked_by', []))
    print(('yes-cvc5-integer-reading-and-C' if 'over unbounded integers' in c else 'yes-cvc5') if 'cvc5' in c
          else 'yes-interpreter-run' if 'IR interpreter ran' in c else 'yes-UNCHECKED')
elif j.get('answer')=='no':
    c=' '.join((e.get('counterexample') or {}).get('confirmations', []))
    k='no-lasso-replayed' if 'replayed by the IR interpreter' in c else 'no-recurrent-set-cvc5' if 'cvc5 proved' in c else 'no-UNCHECKED'
    print(k + (' native' if 'confirmed by running the compiled program' in c else ''))
else:
    print('dont_know-on-rerun')" 2>/dev/null || echo unreadable)
  count[$kind]=$(( ${count[$kind]:-0} + 1 ))
  case "$kind" in *UNCHECKED*|unreadable) echo "not re-checked: $input ($kind)";; esac
done < <(tail -n +2 "$1")
for k in "${!count[@]}"; do echo "$k: ${count[$k]}"; done | sort
