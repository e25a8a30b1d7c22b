#!/usr/bin/env python3
"""Generated programs with exact answers, checked against verdict.

  run.py --count N --seed S --timeout T [--kind safety|termination|both] [--verdict PATH]
         [--out DIR] [--min-answered F]

Each program (gen_c.py) gets its exact answer from running it natively on every input
(ground_truth.py); then `verdict check` (the program's question: unreach-call, no-overflow or
all) or `verdict terminates` answers it, and the answer is classified:
  correct yes / correct no   the answer is right (a no's counterexample input is run natively
                             and must fail in the same class: assertion, undefined behaviour,
                             non-termination)
  don't know                 allowed; "required" when only don't know is right (undefined
                             behaviour outside the question is reachable)
  WRONG                      a yes where some input fails, a no where none does, or a no whose
                             input does not fail natively as the evidence says
  isolated crash             the analysis child died (a solver's segfault) and verdict said
                             don't know, as documented: kept and counted, not a failure
  crash                      an exit code outside 0/10/20, a signal, a sanitizer report, no
                             JSON, or no answer within T + 30 s
Every WRONG and crash is written to --out (program, ground truth, verdict's output and the
command line). Exit status 1 when there is any, or when fewer than --min-answered of the
programs with a yes/no truth were answered.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_c  # noqa: E402
import ground_truth  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATEGORIES = ["correct yes", "correct no", "don't know", "don't know (required)", "isolated crash", "WRONG",
              "crash"]


def make_program(seed, kind, workdir):
    """(program, truth), or (None, None) when an input of the program reaches the step cap."""
    program = gen_c.generate(seed, kind)
    truth = ground_truth.run_gt(program, workdir)
    if truth is None:
        return None, None
    if program.slots:
        gen_c.fill_slots(program, truth.probes, random.Random(f"slots-{seed}"))
        truth = ground_truth.run_gt(program, workdir, build=False)
    return (program, truth) if truth is not None else (None, None)


def verdict_command(verdict, program, path, timeout):
    if program.prop == "termination":
        return [verdict, "terminates", path, "--entry", program.entry, "--timeout", str(timeout), "--json"]
    return [verdict, "check", path, "--entry", program.entry, "--property", program.prop,
            "--timeout", str(timeout), "--json"]


def counterexample_inputs(answer, program):
    """The entry's two input values from a counterexample (a missing one is 0, as in
    verdict's replay harness)."""
    values = {}
    for item in answer.get("evidence", {}).get("counterexample", {}).get("inputs", []):
        origin = item.get("origin", "")
        if origin.startswith("parameter "):
            values[origin.split()[1]] = int(item["value"])
        elif "__VERIFIER_nondet_" in origin:
            values.setdefault(f"#{len([k for k in values if k.startswith('#')])}", int(item["value"]))
    names = [n for n, _ in program.inputs]
    if program.input_form == "nondet":
        names = ["#0", "#1"]
    return [values.get(n, 0) for n in names]


def outcome_class(letter):
    return {"A": "assertion", "D": "non-termination"}.get(letter, "undefined behaviour" if letter in "OZSF" else "none")


def judge_no(answer, program, truth, letters, workdir):
    """None when the no's counterexample is right, else why not."""
    x, y = counterexample_inputs(answer, program)
    i = truth.index(x, y)
    if i is None:
        return f"counterexample input ({x}, {y}) is outside the inputs' types"
    letter = truth.outcomes[i]
    if letter not in letters:
        return f"counterexample input ({x}, {y}) does not fail natively (outcome {letter})"
    if program.prop != "termination":
        said = answer["evidence"]["counterexample"].get("property")
        native = "unreach-call" if letter == "A" else "no-overflow"
        if said != native:
            return (f"counterexample input ({x}, {y}) fails natively by {outcome_class(letter)}, "
                    f"verdict says {said}")
    return None


def classify(proc, answer, program, truth, workdir):
    """(category, detail)."""
    expected, letters = truth.verdict()
    if proc is None:
        return "crash", "no answer within the time limit + 30 s"
    if proc.returncode not in (0, 10, 20):
        return "crash", f"exit code {proc.returncode}"
    if "runtime error" in proc.stderr or "Sanitizer" in proc.stderr:
        return "crash", "sanitizer report"
    if "the analysis crashed" in proc.stderr:
        # The isolated child died (a solver's crash, README: reported as don't know): not a
        # wrong answer, but counted and kept apart.
        return "isolated crash", proc.stderr.strip()[-200:]
    if answer is None:
        return "crash", "no JSON on stdout"
    said = answer.get("answer")
    if {"yes": 0, "no": 10, "dont_know": 20}.get(said) != proc.returncode:
        return "crash", f"answer {said} with exit code {proc.returncode}"
    if said == "dont_know":
        return ("don't know (required)" if expected == "dont_know" else "don't know"), answer.get("reason", "")
    if said == "yes":
        return ("correct yes", "") if expected == "yes" else ("WRONG", f"yes, but the truth is {expected}")
    if expected != "no":
        return "WRONG", f"no, but the truth is {expected}"
    why = judge_no(answer, program, truth, letters, workdir)
    return ("correct no", "") if why is None else ("WRONG", why)


def truth_report(program, truth):
    expected, letters = truth.verdict()
    counts = {c: truth.outcomes.count(c) for c in sorted(set(truth.outcomes))}
    lines = [f"question: {program.prop}", f"expected: {expected}", f"outcomes per input: {counts}"]
    for letter in sorted(set(truth.outcomes) - {"."}):
        lines.append(f"first input with outcome {letter} ({outcome_class(letter)}): {truth.first(letter)}")
    return "\n".join(lines) + "\n"


def save_disagreement(out_dir, name, program, truth, cmd, proc, category, detail):
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "prog.c"), "w") as f:
        f.write(program.text())
    with open(os.path.join(d, "truth.txt"), "w") as f:
        f.write(truth_report(program, truth))
        f.write(f"verdict: {category}: {detail}\n")
        f.write("command: " + " ".join(["verdict", cmd[1], "prog.c"] + cmd[3:]) + "\n")
    with open(os.path.join(d, "verdict.out"), "w") as f:
        f.write(proc.stdout + proc.stderr if proc else "(timed out)\n")


def run_case(args, seed, kind, tmp):
    workdir = os.path.join(tmp, f"{kind}-{seed}")
    program, truth = make_program(f"{args.seed}:{seed}", kind, workdir)
    if program is None:
        shutil.rmtree(workdir, ignore_errors=True)
        return None
    path = os.path.join(workdir, "prog.c")
    with open(path, "w") as f:
        f.write(program.text())
    cmd = verdict_command(args.verdict, program, path, args.timeout)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout + 30, cwd=workdir)
    except subprocess.TimeoutExpired:
        proc = None
    try:
        answer = json.loads(proc.stdout) if proc else None
    except json.JSONDecodeError:
        answer = None
    category, detail = classify(proc, answer, program, truth, workdir)
    if args.save:
        save_disagreement(args.save, f"{kind}-{args.seed}-{seed}", program, truth, cmd, proc, category, detail)
    if category in ("WRONG", "crash", "isolated crash"):
        save_disagreement(args.out, f"{kind}-{args.seed}-{seed}", program, truth, cmd, proc, category, detail)
    shutil.rmtree(workdir, ignore_errors=True)
    return program.prop, truth.verdict()[0], category, detail


def summary(results, elapsed):
    props = sorted({r[0] for r in results})
    width = max(len(c) for c in CATEGORIES) + 2
    print("".ljust(width) + "".join(p.rjust(14) for p in props) + "total".rjust(9))
    for c in CATEGORIES:
        row = [sum(1 for r in results if r[0] == p and r[2] == c) for p in props]
        print(c.ljust(width) + "".join(str(n).rjust(14) for n in row) + str(sum(row)).rjust(9))
    decided = [r for r in results if r[1] != "dont_know"]
    answered = sum(1 for r in decided if r[2] in ("correct yes", "correct no"))
    truths = {t: sum(1 for r in results if r[1] == t) for t in ("yes", "no", "dont_know")}
    print(f"programs: {len(results)} (truth: {truths['yes']} yes, {truths['no']} no, "
          f"{truths['dont_know']} only don't know), time {elapsed:.0f} s")
    rate = answered / len(decided) if decided else 1.0
    print(f"answer rate: {answered}/{len(decided)} = {100 * rate:.1f}% of the programs with a yes/no truth")
    return rate


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--first", type=int, default=0, help="index of the first program (to rerun one)")
    ap.add_argument("--timeout", type=int, default=5)
    ap.add_argument("--kind", choices=["safety", "termination", "both"], default="safety")
    ap.add_argument("--verdict", default=os.path.join(ROOT, "build", "verdict"))
    ap.add_argument("--out", default="generated-disagreements")
    ap.add_argument("--min-answered", type=float, default=0.0)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--save", help="also write every program and verdict's output to this folder")
    args = ap.parse_args()
    args.verdict, args.out = os.path.abspath(args.verdict), os.path.abspath(args.out)
    args.save = os.path.abspath(args.save) if args.save else None
    kinds = ["safety", "termination"] if args.kind == "both" else [args.kind]
    start, results, skipped = time.time(), [], 0
    with tempfile.TemporaryDirectory(prefix="verdict-generated-") as tmp:
        for k in range(args.first, args.first + args.count):
            kind = kinds[k % len(kinds)]
            r = run_case(args, k, kind, tmp)
            if r is None:
                skipped += 1
                continue
            results.append(r)
            if not args.quiet or r[2] in ("WRONG", "crash", "isolated crash"):
                print(f"{kind}-{args.seed}-{k}: {r[0]}: truth {r[1]}: {r[2]}" + (f" ({r[3][:160]})" if r[3] else ""),
                      flush=True)
    print(f"\nseed {args.seed}, timeout {args.timeout} s; skipped (step cap): {skipped}")
    rate = summary(results, time.time() - start)
    bad = sum(1 for r in results if r[2] in ("WRONG", "crash"))
    if bad:
        print(f"{bad} disagreements written to {args.out}")
    return 1 if bad or rate < args.min_answered else 0


if __name__ == "__main__":
    sys.exit(main())
