"""verdict from Python: ask whether a live function can fail, or always terminates.

    import verdict
    def g(x, y):
        if y > 0:
            while x > y:
                x = x - y
    a = verdict.terminates(g)
    a.answer            # "yes", "no" or "dont_know"
    a.evidence          # the proof or the counterexample (a dict, as `verdict --json` gives it)
    a.counterexample    # for "no": a call you can run, e.g. "g2(5, 0)"

The function's source is found with `inspect` (its whole file when it is a top-level
function of a module, so that the functions it calls are analysed too) and the `verdict`
binary answers: $VERDICT_BINARY, else `verdict` on PATH.
"""
import inspect
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap

__all__ = ["Answer", "VerdictError", "check", "terminates"]


class VerdictError(Exception):
    """The question could not be asked: no binary, bad input (exit code 2), or a crash."""


class Answer:
    """verdict's answer to one question about one function."""

    def __init__(self, raw):
        self.raw = raw
        self.answer = raw.get("answer", "dont_know")
        self.question = raw.get("question", "")
        self.evidence = raw.get("evidence", {})
        self.reason = raw.get("reason", "")
        self.assumptions = raw.get("assumptions", [])
        cex = self.evidence.get("counterexample") or {}
        self.counterexample = cex.get("call") or None
        proof = self.evidence.get("proof") or {}
        self.proof = [item.get("kind", "") + ": " + item.get("text", "") for item in proof.get("items", [])]

    def __repr__(self):
        detail = self.counterexample or "; ".join(self.proof) or self.reason
        return "<verdict.Answer %s%s>" % (self.answer, (": " + detail) if detail else "")


def _binary():
    path = os.environ.get("VERDICT_BINARY") or shutil.which("verdict")
    if not path:
        raise VerdictError("no verdict binary: set VERDICT_BINARY or put verdict on PATH")
    return path


def _module_file(fn):
    """The file of `fn` when it is the top-level function of that name in its module."""
    try:
        path = inspect.getsourcefile(fn)
    except TypeError:
        return None
    module = sys.modules.get(getattr(fn, "__module__", None))
    if not path or not path.endswith(".py") or getattr(module, fn.__name__, None) is not fn:
        return None
    return path if os.path.isfile(path) else None


def _ask(question, fn, timeout, extra):
    if not inspect.isfunction(fn):
        raise VerdictError("verdict asks about Python functions, not %r" % (fn,))
    with tempfile.TemporaryDirectory(prefix="verdict-") as tmp:
        path = _module_file(fn)
        if path is None:  # a nested function or one defined dynamically: its own source only
            try:
                source = textwrap.dedent(inspect.getsource(fn))
            except (OSError, TypeError) as e:
                raise VerdictError("the source of %s cannot be found: %s" % (fn.__name__, e))
            path = os.path.join(tmp, fn.__name__ + ".py")
            with open(path, "w", encoding="utf-8") as f:
                f.write(source)
        cmd = [_binary(), question, path, "--entry", fn.__name__, "--timeout", str(timeout), "--json"] + extra
        proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode not in (0, 10, 20):
        raise VerdictError((proc.stderr or proc.stdout).strip() or "verdict exited with %d" % proc.returncode)
    try:
        return Answer(json.loads(proc.stdout))
    except ValueError:
        raise VerdictError("verdict printed no answer: " + proc.stdout[:200])


def check(fn, timeout=60):
    """Can an assertion of `fn` fail, or an exception escape it, for some int arguments?
    "yes" means no (every property holds), "no" comes with a counterexample call."""
    return _ask("check", fn, timeout, [])


def terminates(fn, timeout=60):
    """Does every call of `fn` (with arbitrary int arguments) return or raise?"""
    return _ask("terminates", fn, timeout, [])
