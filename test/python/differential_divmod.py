#!/usr/bin/env python3
"""Differential test of // and % against CPython: a generated function asserts, for every
pair of small values (a, b != 0), the quotient and remainder CPython computes. verdict must
prove it (its semantics agree with CPython's on every pair), and must refute a copy with
one entry changed, with that pair as the counterexample call (replayed by its IR
interpreter and by python3), so the test can fail.
usage: differential_divmod.py VERDICT
"""
import os, subprocess, sys, tempfile

RANGE = range(-6, 7)


def table(wrong=None):
    lines = ["def divmod_table(a, b):", "    if -6 <= a <= 6 and -6 <= b <= 6 and b != 0:",
             "        q, r = a // b, a % b"]
    for a in RANGE:
        for b in RANGE:
            if b == 0:
                continue
            q, r = a // b, a % b
            if (a, b) == wrong:
                q += 1
            lines.append("        if a == %d and b == %d:" % (a, b))
            lines.append("            assert q == %d and r == %d" % (q, r))
    return "\n".join(lines) + "\n"


def ask(verdict, source):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "divmod_table.py")
        with open(path, "w") as f:
            f.write(source)
        p = subprocess.run([verdict, "check", path, "--entry", "divmod_table", "--timeout", "60"],
                           capture_output=True, text=True, timeout=180)
        return p.returncode, p.stdout + p.stderr


def main() -> int:
    verdict = sys.argv[1]
    code, out = ask(verdict, table())
    if code != 0:
        print(out)
        print("FAIL: the table of CPython's // and % is not proved (exit %d)" % code)
        return 1
    code, out = ask(verdict, table(wrong=(-5, 3)))
    if code != 10 or "call: divmod_table(-5, 3)" not in out or "confirmed by running the call with python3" not in out:
        print(out)
        print("FAIL: the changed entry (-5, 3) is not refuted with its call (exit %d)" % code)
        return 1
    print("ok: %d pairs agree with CPython; a changed entry is refuted" % (len(RANGE) * (len(RANGE) - 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
