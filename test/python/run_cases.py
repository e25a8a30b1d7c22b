#!/usr/bin/env python3
"""Runs the self-made Python case set: every `# expect: QUESTION ENTRY ANSWER -- why` line
of test/python/cases/*.py is one question (QUESTION is check or terminates; ANSWER is the
true answer: yes, no, or dont_know where no tool may or can be expected to decide).

Fails on any wrong answer (yes or no against the expectation, or any yes/no where
dont_know is expected) and when fewer than --min-correct answers are right; a don't
know where yes or no is true is a miss, counted in the score.
usage: run_cases.py VERDICT CASES_DIR [--timeout S] [--min-correct N]
"""
import argparse, glob, json, os, re, subprocess, sys

EXPECT = re.compile(r"^# expect: (check|terminates) (\w+) (yes|no|dont_know)\b")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("verdict")
    ap.add_argument("cases")
    ap.add_argument("--timeout", type=int, default=10)
    ap.add_argument("--min-correct", type=int, default=0)
    args = ap.parse_args()
    score = {"yes": 0, "no": 0, "dont_know": 0, "miss": 0, "wrong": 0}
    correct = 0
    for path in sorted(glob.glob(os.path.join(args.cases, "*.py"))):
        with open(path, encoding="utf-8") as f:
            questions = [m.groups() for m in map(EXPECT.match, f) if m]
        for question, entry, expected in questions:
            cmd = [args.verdict, question, path, "--entry", entry, "--timeout", str(args.timeout), "--json"]
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout * 3 + 30)
            try:
                answer = json.loads(proc.stdout)["answer"]
            except (ValueError, KeyError):
                answer = "error (exit %d)" % proc.returncode
                print(proc.stderr)  # the whole diagnostic (a sanitizer report, say)
            if answer == expected:
                verdict = "ok"
                correct += 1
                score[answer] += 1
            elif answer == "dont_know":
                verdict = "miss"
                score["miss"] += 1
            else:
                verdict = "WRONG"
                score["wrong"] += 1
            print("%-5s %-10s %-28s expected %-9s got %s" % (verdict, question, entry, expected, answer))
    total = sum(score.values())
    print("score: %d questions: %d yes, %d no, %d dont_know right; %d missed (dont_know); %d wrong"
          % (total, score["yes"], score["no"], score["dont_know"], score["miss"], score["wrong"]))
    if total == 0:
        print("FAIL: no questions found")
        return 1
    if score["wrong"]:
        print("FAIL: wrong answers")
        return 1
    if correct < args.min_correct:
        print("FAIL: %d right answers, fewer than %d" % (correct, args.min_correct))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
