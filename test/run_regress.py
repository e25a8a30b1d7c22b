#!/usr/bin/env python3
"""Runs one regression case: test/regress/<case>/test.desc (CBMC's test.desc style).

test.desc format, one item a line:
  line 1: the input file (relative to the case folder)
  line 2: the arguments; the word FILE stands for the input's path
  then:   ^EXIT=<n>$          the expected exit code
          <regex>             must match somewhere in stdout+stderr
          !<regex>            must not match
          KNOWNBUG            a known wrong answer, not fixed yet: the case passes while some
                              pattern still fails, and fails (so that the marker is removed)
                              once every pattern holds
  after a line '--' : free text saying why the case exists (ignored)
"""
import os, re, subprocess, sys


def main() -> int:
    verdict, case_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(os.path.join(case_dir, "test.desc"), encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f]
    input_file = os.path.join(case_dir, lines[0].strip())
    args = [a.replace("FILE", input_file) for a in lines[1].split()]
    patterns, known_bug = [], False
    for line in lines[2:]:
        if line.strip() == "--":
            break
        if line.strip() == "KNOWNBUG":
            known_bug = True
        elif line.strip():
            patterns.append(line)
    proc = subprocess.run([verdict] + args, capture_output=True, text=True, timeout=120,
                          cwd=case_dir)
    output = proc.stdout + proc.stderr
    failures = []
    for pat in patterns:
        m = re.fullmatch(r"\^EXIT=(\d+)\$", pat)
        if m:
            if proc.returncode != int(m.group(1)):
                failures.append(f"exit code {proc.returncode}, expected {m.group(1)}")
        elif pat.startswith("!"):
            if re.search(pat[1:], output, re.MULTILINE):
                failures.append(f"forbidden pattern found: {pat[1:]}")
        elif not re.search(pat, output, re.MULTILINE):
            failures.append(f"pattern not found: {pat}")
    if known_bug:
        if failures:
            print("known bug, still present:", "; ".join(failures))
            return 0
        print("command:", " ".join([verdict] + args))
        print(output)
        print("FAIL: every pattern holds: the known bug is fixed, remove KNOWNBUG from test.desc")
        return 1
    if failures:
        print("command:", " ".join([verdict] + args))
        print(output)
        for f in failures:
            print("FAIL:", f)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
