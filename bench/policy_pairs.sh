#!/usr/bin/env bash
# Runs `verdict policy compare A B --timeout T --json` on N seeded random pairs of AWS managed
# policies (one process per pair, as a user would), and prints the answer counts, the time
# percentiles (wall clock, process start to exit), the runs past T + 1 s, and whether every
# reported request was re-checked by the concrete evaluator.
#   bench/policy_pairs.sh [N=30] [SEED=1] [TIMEOUT=10] [VERDICT_BINARY] [CORPUS_DIR]
#   VERBOSE=1 bench/policy_pairs.sh ...   (one line per pair)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-30}
seed=${2:-1}
timeout=${3:-10}
verdict=${4:-$here/build/verdict}
corpus=${5:-$here/../shared/policies/corpus/aws-managed}
exec python3 - "$n" "$seed" "$timeout" "$verdict" "$corpus" <<'EOF'
import json, os, random, subprocess, sys, time
n, seed, timeout, verdict, corpus = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
files = sorted(f for f in os.listdir(corpus) if f.endswith(".json"))
rng = random.Random(seed)
pairs = [tuple(rng.sample(files, 2)) for _ in range(n)]
counts, times, inner, late, unchecked = {}, [], [], [], 0
verbose = os.environ.get("VERBOSE")
for a, b in pairs:
    start = time.monotonic()
    p = subprocess.run([verdict, "policy", "compare", os.path.join(corpus, a), os.path.join(corpus, b),
                        "--timeout", str(timeout), "--json"], capture_output=True, text=True)
    t = time.monotonic() - start
    times.append(t)
    if p.returncode == 2:
        outcome = "bad_input"
    else:
        try:
            j = json.loads(p.stdout)
            outcome = j.get("relation") or "dont_know"
            inner.append(j.get("time_ms", 0) / 1000.0)
            for r in j["evidence"]["requests"]:
                if not r.get("rechecked"):
                    unchecked += 1
        except (ValueError, KeyError):
            outcome = "no_json(rc=%d)" % p.returncode
    counts[outcome] = counts.get(outcome, 0) + 1
    if t > timeout + 1:
        late.append((t, a, b))
    if verbose:
        print("%8.3f s  %-18s %s %s" % (t, outcome, a, b), flush=True)
def pct(q, v=None):
    s = sorted(times if v is None else v)
    return s[min(len(s) - 1, int(q * (len(s) - 1) + 0.5))] if s else 0
print("pairs %d (seed %d, --timeout %g): %s" % (n, seed, timeout,
      ", ".join("%s %d" % kv for kv in sorted(counts.items()))))
print("dont_know %d; median %.3f s, p90 %.3f s, p99 %.3f s, max %.3f s; past timeout+1 s: %d; "
      "requests not re-checked: %d" % (counts.get("dont_know", 0), pct(0.5), pct(0.9), pct(0.99), max(times),
                                        len(late), unchecked))
if inner:
    print("verdict's own time (time_ms, without process start): median %.3f s, p99 %.3f s, max %.3f s"
          % (pct(0.5, inner), pct(0.99, inner), max(inner)))
for t, a, b in late:
    print("  late: %.2f s %s %s" % (t, a, b))
EOF
