#!/usr/bin/env python3
"""Acceptance check of --timeout for policy questions: runs `verdict policy compare A B --timeout T
--json` and fails unless it returns within T + 1 s with don't know or one of the right relations.
usage: policy_time_limit.py VERDICT A.json B.json T RELATION[,RELATION...] [SLACK]
SLACK (default 0) adds seconds to the bound for sanitizer builds, whose start-up and leak check
at exit take about a second by themselves."""
import json, subprocess, sys, time

verdict, a, b, t, right = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5].split(",")
slack = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
start = time.monotonic()
p = subprocess.run([verdict, "policy", "compare", a, b, "--timeout", str(t), "--json"], capture_output=True, text=True,
                   timeout=t + 30)
elapsed = time.monotonic() - start
answer = json.loads(p.stdout)
relation = answer.get("relation") or "dont_know"
print("relation %s (exit %d) after %.2f s with --timeout %g" % (relation, p.returncode, elapsed, t))
if relation != "dont_know" and relation not in right:
    sys.exit("wrong answer: %s, expected don't know or %s" % (relation, right))
if elapsed > t + 1 + slack:
    sys.exit("took %.2f s, past the limit of %g s + 1 s (+ %g s slack)" % (elapsed, t, slack))
