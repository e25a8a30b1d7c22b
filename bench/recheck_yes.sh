#!/usr/bin/env bash
# Re-runs every task answered `true` in bench result CSVs (from `verdict bench --output`) with
# --json and counts the yes answers whose proof lists a cvc5 re-check of its certificate.
#   bench/recheck_yes.sh RESULTS.csv [MORE.csv ...]     (VERDICT=path/to/verdict to override)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
verdict=${VERDICT:-$here/build/verdict}
B=$here/../shared/benchmarks
total=0; checked=0
for csv in "$@"; do
  while IFS=, read -r yml input prop exp ans rest; do
    [ "$ans" = "true" ] || continue
    dm=$(grep -F "$yml,$input,$prop" "$B/manifest.csv" | head -1 | awk -F, '{print $6}' | tr -d '\r')
    out=$("$verdict" svcomp --json --data-model "${dm:-LP64}" --property "$B/sv-benchmarks/c/properties/$prop.prp" \
          --timeout 10 "$B/$input" 2>/dev/null < /dev/null || true)
    r=$(printf '%s' "$out" | python3 -c "import json,sys
j,_=json.JSONDecoder().raw_decode(sys.stdin.read().lstrip())
p=(j.get('evidence') or {}).get('proof') or {}
print(j.get('answer'), any('cvc5' in c for c in p.get('checked_by', [])))" 2>/dev/null || echo "unreadable")
    total=$((total + 1))
    if [ "$r" = "yes True" ]; then checked=$((checked + 1)); else echo "not a cvc5-checked yes on re-run: $input $prop ($r)"; fi
  done < <(tail -n +2 "$csv")
done
echo "yes answers re-run: $total; with a cvc5 re-check: $checked"
