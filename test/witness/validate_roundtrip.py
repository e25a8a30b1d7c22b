#!/usr/bin/env python3
"""Witness validation round trips: verdict writes a witness (check/svcomp --witness), `verdict
validate` must confirm it (exit 0); a corrupted copy (a false invariant, a changed waypoint
value, a moved target) must be rejected (exit 10) with the reason named; hand-written
witnesses in other tools' style are read as well; a claim that does not parse is bad input
(exit 2, the witness's file:line:col).

usage: validate_roundtrip.py VERDICT"""
import os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PRP = {"unreach-call": "CHECK( init(main()), LTL(G ! call(reach_error())) )\n",
       "no-overflow": "CHECK( init(main()), LTL(G ! overflow) )\n"}


def run(verdict, args, cwd):
    p = subprocess.run([verdict] + args, capture_output=True, text=True, timeout=300, cwd=cwd)
    return p.returncode, p.stdout + p.stderr


class Cases:
    def __init__(self, verdict, work):
        self.verdict, self.work, self.failures = verdict, work, []

    def expect(self, name, args, code, pattern=None):
        got, out = run(self.verdict, args, self.work)
        ok = got == code and (pattern is None or re.search(pattern, out))
        print(("ok   " if ok else "FAIL ") + name + f" (exit {got})")
        if not ok:
            self.failures.append(name)
            print(out)
        return out

    def write(self, name, text):
        with open(os.path.join(self.work, name), "w") as f:
            f.write(text)

    def read(self, name):
        with open(os.path.join(self.work, name)) as f:
            return f.read()

    def corrupt(self, source, target, old_regex, new, count=1):
        text = self.read(source)
        changed, n = re.subn(old_regex, new, text, count=count)
        if n == 0:
            self.failures.append(f"{target}: nothing to corrupt ({old_regex})")
        self.write(target, changed)


def main():
    verdict = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="verdict_validate_")
    for f in os.listdir(HERE):
        if f.endswith((".c", ".yml")):
            shutil.copy(os.path.join(HERE, f), work)
    c = Cases(verdict, work)
    t = ["--timeout", "60"]

    # A safe loop: the witness's loop invariant is confirmed; a false one is refuted by an execution.
    c.expect("safe loop: check --witness", ["check", "safe_loop.c", "--property", "unreach-call", "--witness",
                                            "safe.yml"] + t, 0)
    c.expect("safe loop: own witness confirmed", ["validate", "--witness", "safe.yml", "safe_loop.c"] + t, 0,
             r"witness confirmed")
    c.corrupt("safe.yml", "safe_false.yml", r'value: "[^"]*"', 'value: "x < 0"')
    c.expect("safe loop: false invariant rejected", ["validate", "--witness", "safe_false.yml", "safe_loop.c"] + t,
             10, r"witness rejected: loop invariant 'x < 0' at safe_loop.c:9:3 .* is false")
    c.corrupt("safe.yml", "safe_syntax.yml", r'value: "[^"]*"', 'value: "x <= n +"')
    c.expect("safe loop: invariant that does not parse", ["validate", "--witness", "safe_syntax.yml", "safe_loop.c"],
             2, r"safe_syntax.yml:\d+:\d+: the claim 'x <= n \+' does not compile at safe_loop.c:9:3")
    # The same task through svcomp and a property file.
    c.write("unreach.prp", PRP["unreach-call"])
    c.expect("safe loop: svcomp --witness", ["svcomp", "--property", "unreach.prp", "--witness", "svcomp.yml",
                                             "safe_loop.c"] + t, 0)
    c.expect("safe loop: svcomp witness confirmed", ["validate", "--witness", "svcomp.yml", "--property",
                                                     "unreach.prp", "safe_loop.c", "--json"] + t, 0,
             r'"validation": "confirmed"')

    # An unsafe assertion: the nondet values as function_return waypoints.
    c.expect("unsafe: check --witness", ["check", "unsafe.c", "--property", "unreach-call", "--witness",
                                         "unsafe.yml"] + t, 10)
    c.expect("unsafe: own witness confirmed", ["validate", "--witness", "unsafe.yml", "unsafe.c"] + t, 0,
             r"witness confirmed \(an execution follows the 2 waypoints")
    c.corrupt("unsafe.yml", "unsafe_value.yml", r'\\\\result == -?\d+', r'\\\\result == 5')
    c.expect("unsafe: changed waypoint value rejected", ["validate", "--witness", "unsafe_value.yml", "unsafe.c"] + t,
             10, r"witness rejected")
    c.corrupt("unsafe.yml", "unsafe_target.yml", r"(type: target\n(?:.*\n)*?\s*line: )4(\n\s*column: )\d+", r"\g<1>11\g<2>3")
    c.expect("unsafe: moved target rejected", ["validate", "--witness", "unsafe_target.yml", "unsafe.c"] + t, 10,
             r"witness rejected: .*no property is violated at the target unsafe.c:11")

    # Signed overflow: the entry's parameters as an assumption waypoint.
    c.expect("overflow: check --witness", ["check", "overflow.c", "--entry", "f", "--property", "no-overflow",
                                           "--witness", "overflow.yml"] + t, 10)
    c.expect("overflow: own witness confirmed", ["validate", "--witness", "overflow.yml", "overflow.c"] + t, 0,
             r"violates signed overflow in x \+ y")
    c.corrupt("overflow.yml", "overflow_value.yml", r"x == \d+", "x == 100")
    c.expect("overflow: changed assumption rejected", ["validate", "--witness", "overflow_value.yml", "overflow.c"] + t,
             10, r"witness rejected")
    c.corrupt("overflow.yml", "overflow_infeasible.yml", r"(x == \d+)", r"\1 && x < 0")
    c.expect("overflow: infeasible assumption named", ["validate", "--witness", "overflow_infeasible.yml",
                                                       "overflow.c"] + t, 10,
             r"no execution follows the waypoints up to assumption waypoint 'x == 101 && x < 0")

    # Other tools' style: CPAchecker-like invariant_set (a hand-written x <= n, a location
    # invariant, a wrong hash), UAutomizer-like violation_sequence with a branching waypoint.
    c.expect("cpachecker style: confirmed with a hash warning", ["validate", "--witness", "cpachecker_style.yml",
                                                                "safe_loop.c"] + t, 0,
             r"warning: the witness's SHA-256 of safe_loop.c \(0+\) is not that of")
    c.corrupt("cpachecker_style.yml", "cpachecker_bad.yml", r"value: x == n\n", "value: x == n + 1\n")
    c.expect("cpachecker style: wrong location invariant rejected", ["validate", "--witness", "cpachecker_bad.yml",
                                                                    "safe_loop.c"] + t, 10,
             r"location invariant 'x == n \+ 1' at safe_loop.c:12:3 .* is false")
    c.expect("uautomizer style: branching waypoint confirmed", ["validate", "--witness", "uautomizer_style.yml",
                                                                "overflow.c"] + t, 0, r"witness confirmed")
    c.corrupt("uautomizer_style.yml", "uautomizer_false_branch.yml", r'value: "true"', 'value: "false"')
    c.expect("uautomizer style: wrong branch rejected", ["validate", "--witness", "uautomizer_false_branch.yml",
                                                         "overflow.c"] + t, 10, r"witness rejected")
    c.write("broken.yml", "- entry_type: invariant_set\n  content: [ {invariant: {type: loop_invariant}} ]\n")
    c.expect("malformed witness: exit 2 with its position", ["validate", "--witness", "broken.yml", "safe_loop.c",
                                                             "--property", "unreach.prp"], 2,
             r"broken.yml:\d+:\d+: missing 'location'")
    if c.failures:
        print("FAILED:", ", ".join(c.failures))
        return 1
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
