#!/usr/bin/env bash
# Runs the founding C and Python examples through verdict and shows each answer with its evidence.
set -u
VERDICT=${1:-build/verdict}
cd "$(dirname "$0")/.."
run() {
  echo
  echo "================================================================"
  echo "\$ verdict $*"
  echo "----------------------------------------------------------------"
  "$VERDICT" "$@"
  echo "(exit code $?: 0 yes, 10 no, 20 don't know)"
}
echo "verdict demo: the founding examples (see ../shared/BRIEF.md)"
run check examples/f.c --entry check_f
run check examples/f_wraps.c --entry check_f
run check examples/g2.c --entry g2 --property no-overflow
run check examples/g.c --entry g --property no-overflow --timeout 5
echo
echo "Does it always return? (termination)"
run terminates examples/g.c --entry g --timeout 20
run terminates examples/g2.c --entry g2 --timeout 20
echo
echo "The same questions in Python, over unbounded integers"
run terminates examples/founding.py --entry g --timeout 20
run terminates examples/founding.py --entry g2 --timeout 20
run terminates examples/founding.py --entry collatz --timeout 10
run check examples/founding.py --entry inverse --timeout 20
echo
echo "From Python itself: verdict.terminates(g) on the live function"
echo "\$ python3 -c 'import verdict, founding; print(verdict.terminates(founding.g))'"
VERDICT_BINARY="$VERDICT" PYTHONPATH=python:examples python3 -c \
  'import verdict, founding; print(verdict.terminates(founding.g, timeout=20)); print(verdict.terminates(founding.g2, timeout=20))'
echo
echo "Configuration as code: access policies"
run policy public examples/bucket-policy-open.json
run policy public examples/bucket-policy.json
run policy compare examples/bucket-policy.json examples/bucket-policy-open.json
echo
echo "Configuration as code: a cloud network (SSH open to the world, then fixed)"
run network exposed examples/network-exposed.json --port 22
run network reachable examples/network-exposed.json --from internet --to i-web --protocol tcp --port 22
run network reachable examples/network-fixed.json --from internet --to i-web --protocol tcp --port 22
run network compare examples/network-exposed.json examples/network-fixed.json
exit 0
