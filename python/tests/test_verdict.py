"""The Python API on live functions (run by ctest with VERDICT_BINARY set)."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import verdict  # noqa: E402


def g(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    if y > 0:
        while x > y:
            x = x - y


def g2(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    while x > y:
        x = x - y


def collatz(n):
    while n > 1:
        n = 3 * n + 1 if n % 2 else n // 2


def half(x):
    return helper(x) // 2


def helper(x):
    return 100 // x


class TerminatesTest(unittest.TestCase):
    def test_founding_g_terminates_with_a_ranking_function(self):
        a = verdict.terminates(g, timeout=30)
        self.assertEqual(a.answer, "yes")
        self.assertTrue(any(p.startswith("ranking function") for p in a.proof), a.proof)
        self.assertIsNone(a.counterexample)

    def test_founding_g2_does_not_and_the_call_loops(self):
        a = verdict.terminates(g2, timeout=30)
        self.assertEqual(a.answer, "no")
        self.assertRegex(a.counterexample, r"^g2\(-?\d+, 0\)$")
        x, y = eval(a.counterexample[len("g2"):])  # noqa: S307 -- two integers
        self.assertEqual(y, 0)
        self.assertGreater(x, y)  # so the loop body runs and x never changes

    def test_collatz_is_dont_know(self):
        a = verdict.terminates(collatz, timeout=5)
        self.assertEqual(a.answer, "dont_know")
        self.assertIn("no ranking function", a.reason)


class CheckTest(unittest.TestCase):
    def test_counterexample_is_a_runnable_call_through_a_helper(self):
        a = verdict.check(half, timeout=30)
        self.assertEqual(a.answer, "no")
        self.assertEqual(a.counterexample, "half(0)")
        with self.assertRaises(ZeroDivisionError):
            eval(a.counterexample, {"half": half})  # noqa: S307

    def test_nested_function_uses_its_own_source(self):
        def safe(x):
            if x != 0:
                return 100 // x
            return 0

        a = verdict.check(safe, timeout=30)
        self.assertEqual(a.answer, "yes", a.raw)

    def test_not_a_function(self):
        with self.assertRaises(verdict.VerdictError):
            verdict.check(len)


if __name__ == "__main__":
    unittest.main()
