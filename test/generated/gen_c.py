"""Random C functions over two 8-bit inputs, deterministic from a seed.

A generated program is a list of source lines in which three kinds of item are marked:
loop heads (where the ground-truth build records the state, for exact non-termination),
assertion slots (filled after a probe run, so that about half the programs are safe) and the
entry's prototype. `Program.text()` is what verdict reads; `Program.gt_text()` is the same
program, line for line, with the ground-truth hooks (see ground_truth.py).

Not this module's job: running anything (ground_truth.py) or judging answers (run.py).
"""
import random
import re

U8, S8, CHAR = "unsigned char", "signed char", "char"
INT, UINT, U16, S16 = "int", "unsigned", "unsigned short", "short"
NARROW = {U8: (0, 255), S8: (-128, 127), CHAR: (-128, 127), U16: (0, 65535), S16: (-32768, 32767)}
LOCAL_TYPES = [INT, INT, UINT, U8, S8, U16, S16]


def promoted(t):
    """The type of a variable of type t in an expression (integer promotion)."""
    return UINT if t == UINT else INT


def arith(t1, t2):
    """The usual arithmetic conversions of two promoted types."""
    return UINT if UINT in (t1, t2) else INT


def c_const(v, t):
    """v as a C constant of promoted type t (INT_MIN has no literal)."""
    if t == UINT:
        return f"{v % 2**32}u"
    if v == -2**31:
        return "(-2147483647 - 1)"
    return f"({v})" if v < 0 else str(v)


VARIABLE = re.compile(r"\b([abijxyt]|[vh][0-9]+)\b")


def is_constant(text):
    """Whether an expression of the generator mentions no variable and calls no helper."""
    return VARIABLE.search(text) is None


class Line:
    """One source line: plain code, or code with a loop-head hook or an assertion slot."""

    def __init__(self, indent, code, hook=None, slot=None):
        self.indent, self.code, self.hook, self.slot = indent, code, hook, slot


class Program:
    """A generated program: its lines, entry, inputs and the question it is generated for."""

    def __init__(self):
        self.header, self.lines, self.slots = [], [], []
        self.entry, self.inputs, self.input_form = "f", [], "params"
        self.assert_form, self.state_vars, self.kind = "svcomp", [], "safety"
        self.prop = "all"

    def _body(self, gt):
        out = list(self.header)
        for ln in self.lines:
            code = ln.code
            if ln.slot is not None:
                slot = self.slots[ln.slot]
                code = (f"gt_slot({ln.slot}, (long long)({slot['expr']}));" if gt
                        else self.assert_stmt(slot["cond"] or "1"))
            if gt and ln.hook is not None:
                code += f" GT_HEAD({ln.hook}, {', '.join(self.state_vars)});"
            out.append("  " * ln.indent + code)
        return "\n".join(out) + "\n"

    def assert_stmt(self, cond):
        if self.assert_form == "assert.h":
            return f"assert({cond});"
        if self.assert_form == "if-reach":
            return f"if (!({cond})) reach_error();"
        return f"__VERIFIER_assert({cond});"

    def text(self):
        return self._body(gt=False)

    def gt_text(self):
        """The same lines with hooks; the prelude keeps line numbers (#line 1)."""
        prelude = ("extern void gt_head(const long long *, int);\n"
                   "extern void gt_slot(int, long long);\n"
                   "#define GT_HEAD(id, ...) { const long long gt_s[] = {id, __VA_ARGS__}; "
                   "gt_head(gt_s, (int)(sizeof gt_s / sizeof gt_s[0])); }\n")
        if self.input_form == "nondet":
            prelude += "#define main gt_main\n"
        return prelude + '#line 1 "prog.c"\n' + self._body(gt=True)


class Gen:
    """Builds one program from a random.Random."""

    def __init__(self, rng, kind):
        self.r, self.p = rng, Program()
        self.p.kind = kind
        self.vars, self.helpers, self.hook_id = [], [], 0
        self.loop_vars_busy, self.allow_ub = set(), rng.random() < 0.35
        self.max_loop_depth = rng.choice([0, 1, 1, 2])

    # ---------- expressions: each returns (text, promoted type) ----------
    def const(self):
        r = self.r
        v = r.choice([0, 1, 1, 2, 3, 4, 5, 7, 8, 10, 15, 16, 31, 100, 127, 128, 200, 255, 256,
                      1000, -1, -2, -7, -128, -129, 65535, 40000, 2**31 - 1, 123456])
        if r.random() < 0.1:
            return c_const(v, UINT), UINT
        return c_const(v, INT), INT

    def var(self, names=None):
        name, t = self.r.choice(names or self.vars)
        return name, promoted(t)

    def expr(self, depth):
        r = self.r
        if depth <= 0 or r.random() < 0.25:
            return self.var() if r.random() < 0.7 else self.const()
        choice = r.random()
        if choice < 0.35:
            return self.binary(depth)
        if choice < 0.45:
            (a, ta), (b, tb) = self.expr(depth - 1), self.expr(depth - 1)
            op = r.choice(["<", "<=", ">", ">=", "==", "!="])
            return f"({a} {op} {b})", INT
        if choice < 0.55:
            a, t = self.expr(depth - 1)
            cast = r.choice([U8, S8, UINT, INT, U16, S16, CHAR])
            return f"(({cast})({a}))", promoted(cast)
        if choice < 0.63:
            a, t = self.expr(depth - 1)
            if is_constant(a):
                a, t = self.var()
            op = r.choice(["-", "~", "!"])
            return f"({op}{a})", (INT if op == "!" else t)
        if choice < 0.70:
            (c, _), (a, ta), (b, tb) = self.cond(depth - 1), self.expr(depth - 1), self.expr(depth - 1)
            return f"({c} ? {a} : {b})", arith(ta, tb)
        if choice < 0.80 and self.helpers:
            name, params, ret = r.choice(self.helpers)
            args = [self.expr(depth - 1)[0] for _ in params]
            return f"{name}({', '.join(args)})", promoted(ret)
        if choice < 0.88:
            return self.shift(depth)
        return self.division(depth)

    def operands(self, depth):
        """Two operands, not both constant: gcc folds an operation of constants at compile
        time without its sanitizer check, so its undefined behaviour would be missed by the
        ground truth (and by verdict's native replay, which also uses gcc)."""
        (a, ta), (b, tb) = self.expr(depth - 1), self.expr(depth - 1)
        if is_constant(a) and is_constant(b):
            a, ta = self.var()
        return (a, ta), (b, tb)

    def binary(self, depth):
        (a, ta), (b, tb) = self.operands(depth)
        op = self.r.choice(["+", "-", "*", "+", "-", "&", "|", "^"])
        return f"({a} {op} {b})", arith(ta, tb)

    def shift(self, depth):
        r = self.r
        a, ta = self.expr(depth - 1)
        if is_constant(a):
            a, ta = self.var()
        op = r.choice(["<<", ">>"])
        form = r.random()
        if form < 0.5:
            amount = str(r.choice([0, 1, 2, 3, 4, 7, 8, 12, 16, 24, 31]))
        elif form < 0.8 or not self.allow_ub:
            amount = f"({self.var()[0]} & {r.choice([1, 3, 7, 15])})"
        else:
            amount = self.expr(depth - 1)[0]
        return f"({a} {op} {amount})", ta

    def division(self, depth):
        r = self.r
        (a, ta), (b, tb) = self.operands(depth)
        if is_constant(a):
            a, ta = self.var()
        op = r.choice(["/", "%"])
        form = r.random()
        if form < 0.4:
            b, tb = c_const(r.choice([1, 2, 3, 5, 7, 10, 16, -1, -3, 255]), INT), INT
        elif form < 0.8 or not self.allow_ub:
            b = f"({b} | 1)"
        return f"({a} {op} {b})", arith(ta, tb)

    def cond(self, depth):
        r = self.r
        if r.random() < 0.2 and depth > 0:
            (a, _), (b, _) = self.cond(depth - 1), self.cond(depth - 1)
            return f"({a} {r.choice(['&&', '||'])} {b})", INT
        (a, ta) = self.expr(depth)
        b = self.const()[0] if r.random() < 0.5 else self.expr(max(depth - 1, 0))[0]
        return f"({a} {r.choice(['<', '<=', '>', '>=', '==', '!='])} {b})", INT

    # ---------- statements ----------
    def emit(self, indent, code, hook=None, slot=None):
        self.p.lines.append(Line(indent, code, hook, slot))

    def assignable(self):
        return [(n, t) for n, t in self.vars if n not in self.loop_vars_busy]

    def assign(self, indent):
        r = self.r
        name, t = r.choice(self.assignable())
        e = self.expr(r.randint(1, 3))[0]
        op = r.choice(["=", "=", "=", "+=", "-=", "*=", "^="])
        self.emit(indent, f"{name} {op} {e};")

    def slot(self, indent):
        e = self.expr(self.r.randint(1, 3))[0]
        self.p.slots.append({"expr": e, "cond": None})
        self.emit(indent, "", slot=len(self.p.slots) - 1)

    def block(self, indent, n, loop_depth, in_loop):
        for _ in range(n):
            self.stmt(indent, loop_depth, in_loop)

    def stmt(self, indent, loop_depth, in_loop):
        r = self.r
        c = r.random()
        if c < 0.35:
            self.assign(indent)
        elif c < 0.50:
            self.slot(indent)
        elif c < 0.65:
            self.emit(indent, f"if {self.paren(self.cond(2)[0])} {{")
            self.block(indent + 1, r.randint(1, 2), loop_depth, in_loop)
            if r.random() < 0.5:
                self.emit(indent, "} else {")
                self.block(indent + 1, r.randint(1, 2), loop_depth, in_loop)
            self.emit(indent, "}")
        elif c < 0.75 and in_loop:
            self.emit(indent, f"if {self.paren(self.cond(1)[0])} break;")
        elif loop_depth < self.max_loop_depth:
            self.loop(indent, loop_depth)
        else:
            self.assign(indent)

    @staticmethod
    def paren(c):
        return c if c.startswith("(") and c.endswith(")") else f"({c})"

    def next_hook(self):
        self.hook_id += 1
        return self.hook_id

    def loop(self, indent, loop_depth):
        r = self.r
        counter = "i" if loop_depth == 0 else "j"
        form = r.random()
        narrow = [(n, t) for n, t in self.assignable() if t in NARROW]
        if form < 0.6 or not narrow:
            inputs = [n for n, _ in self.p.inputs]
            bound = r.choice([str(r.randint(1, 10)), f"({r.choice(inputs)} & {r.choice([3, 7, 15])})",
                              f"({r.choice(inputs)} % {r.choice([5, 10, 13])})",
                              f"({r.choice(inputs)} >> {r.choice([4, 5, 6])})"])
            self.emit(indent, f"for ({counter} = 0; {counter} < {bound}; {counter}++) {{", hook=self.next_hook())
            self.loop_vars_busy.add(counter)
            self.block(indent + 1, r.randint(1, 3), loop_depth + 1, True)
            self.loop_vars_busy.discard(counter)
        else:
            # An input-dependent while loop that shrinks a narrow variable.
            name, t = r.choice(narrow)
            test, step = r.choice([(f"{name} != 0", f"{name} = {name} / 2;"),
                                   (f"{name} > {r.randint(0, 20)}", f"{name} = {name} - {r.randint(1, 9)};"),
                                   (f"{name} != 0", f"{name} = {name} >> 1;")])
            self.emit(indent, f"while ({test}) {{", hook=self.next_hook())
            self.loop_vars_busy.add(name)
            self.block(indent + 1, r.randint(1, 2), loop_depth + 1, True)
            self.loop_vars_busy.discard(name)
            self.emit(indent + 1, step)
        self.emit(indent, "}")

    # ---------- whole programs ----------
    def header(self):
        p, r = self.p, self.r
        p.assert_form = r.choice(["svcomp", "svcomp", "extern-reach", "assert.h", "if-reach", "extern-assert"])
        h = p.header
        if p.assert_form == "assert.h":
            h.append("#include <assert.h>")
        h.append("extern void abort(void);")
        if p.assert_form in ("svcomp", "if-reach"):
            h.append("extern void __assert_fail(const char *, const char *, unsigned int, const char *) "
                     "__attribute__((__nothrow__, __leaf__)) __attribute__((__noreturn__));")
            h.append('void reach_error(void) { __assert_fail("0", "gen.c", 3, "reach_error"); }')
        if p.assert_form == "extern-reach":
            h.append("extern void reach_error(void);")
        if p.assert_form in ("svcomp", "extern-reach"):
            h.append("void __VERIFIER_assert(int cond) { if (!(cond)) { ERROR: { reach_error(); abort(); } } }")
        if p.assert_form == "extern-assert":
            h.append("extern void __VERIFIER_assert(int cond);")

    def choose_inputs(self):
        p, r = self.p, self.r
        p.input_form = "params" if p.kind == "termination" or r.random() < 0.7 else "nondet"
        types = [r.choice([U8, S8]) for _ in range(2)]
        if p.input_form == "nondet":
            types = [r.choice([U8, CHAR]) for _ in range(2)]
            p.header.append("extern unsigned char __VERIFIER_nondet_uchar(void);")
            p.header.append("extern char __VERIFIER_nondet_char(void);")
        p.inputs = list(zip(["a", "b"], types))

    def helper(self, k):
        r = self.r
        params = [("x", r.choice([INT, U8, S8, UINT])), ("y", r.choice([INT, U8, S8]))]
        ret = r.choice([INT, INT, UINT, U8, S8])
        saved = self.vars
        self.vars = list(params)
        self.emit(0, f"static {ret} h{k}({params[0][1]} x, {params[1][1]} y) {{")
        self.emit(1, f"int t = {self.expr(2)[0]};")
        self.vars.append(("t", INT))
        if r.random() < 0.6:
            self.emit(1, f"if {self.paren(self.cond(1)[0])} t = {self.expr(2)[0]};")
        if r.random() < 0.3:
            self.slot(1)
        self.emit(1, f"return {self.expr(2)[0]};")
        self.emit(0, "}")
        self.vars = saved
        self.helpers.append((f"h{k}", params, ret))

    def entry_open(self):
        p = self.p
        if p.input_form == "params":
            self.emit(0, f"void {p.entry}({p.inputs[0][1]} a, {p.inputs[1][1]} b) {{")
        else:
            p.entry = "main"
            self.emit(0, "int main(void) {")
            for name, t in p.inputs:
                fn = "__VERIFIER_nondet_uchar" if t == U8 else "__VERIFIER_nondet_char"
                self.emit(1, f"{t} {name} = {fn}();")

    def safety(self):
        r, p = self.r, self.p
        self.header()
        self.choose_inputs()
        p.prop = r.choice(["all", "all", "unreach-call", "no-overflow"])
        for k in range(r.choice([0, 1, 1, 2])):
            self.helper(k)
        self.entry_open()
        self.vars = list(p.inputs)
        for k in range(r.randint(1, 3)):
            t = r.choice(LOCAL_TYPES)
            name = f"v{k}"
            self.emit(1, f"{t} {name} = {self.expr(1)[0]};")
            self.vars.append((name, t))
        self.emit(1, "int i = 0, j = 0;")
        p.state_vars = [n for n, _ in self.vars] + ["i", "j"]
        self.vars += [("i", INT), ("j", INT)]
        self.block(1, r.randint(2, 6), 0, False)
        if not p.slots or r.random() < 0.5:
            self.slot(1)
        if p.input_form == "nondet":
            self.emit(1, "return 0;")
        self.emit(0, "}")
        return p

    # ---------- termination ----------
    def term_expr(self):
        r = self.r
        x, y = r.sample(["a", "b"], 2) if r.random() < 0.5 else ("a", "b")
        k = r.randint(1, 9)
        return r.choice([f"{x} + {k}", f"{x} - {k}", f"{x} + {y}", f"{x} - {y}", f"{x} * {k}",
                         f"{x} >> 1", f"{x} / 2", f"{x} ^ {y}", f"({x} + {y}) / 2", f"{k} - {x}",
                         f"{x} & {y}", f"{y} % {k}", f"{x} << 1", f"{x} - 1", f"{x} + 1",
                         f"{x} / ({y} | 1)", f"{x} % ({y} | 1)", f"-{x}", f"{x} + {y} + {k}"])

    def term_cond(self):
        r = self.r
        x, y = r.sample(["a", "b"], 2)
        k = r.randint(-3, 40)
        return r.choice([f"{x} != {y}", f"{x} > {y}", f"{x} < {k}", f"{x} != 0", f"{x} > 0",
                         f"({x} & 1) == 0", f"{x} + {y} < {k}", f"{x} > 0 && {y} > 0",
                         f"{x} >= 0", f"{x} != {k}", f"{x} * {y} > {k}", f"{x} > {k} || {y} > {k}"])

    def term_block(self, indent, depth):
        r = self.r
        for _ in range(r.randint(1, 3)):
            c = r.random()
            if c < 0.55:
                self.emit(indent, f"{r.choice(['a', 'b'])} = {self.term_expr()};")
            elif c < 0.75:
                self.emit(indent, f"if ({self.term_cond()}) {r.choice(['a', 'b'])} = {self.term_expr()};")
            elif c < 0.85:
                self.emit(indent, f"if ({self.term_cond()}) break;")
            elif depth < 2:
                self.emit(indent, f"while ({self.term_cond()}) {{", hook=self.next_hook())
                self.term_block(indent + 1, depth + 1)
                self.emit(indent, "}")
            else:
                self.emit(indent, f"{r.choice(['a', 'b'])} = {self.term_expr()};")

    def ranked_loop(self, indent, x, y, nested, nested_inner=False):
        """A loop that a decreasing x bounds unless the update wraps around: only y and
        breaks in the body (an inner loop of the same shape over y), x decreased last."""
        r = self.r
        guard, step = r.choice([(f"{x} > {r.randint(-3, 20)}", f"{x} = {x} - {r.randint(1, 9)};"),
                                (f"{x} != 0", f"{x} = {x} / {r.randint(2, 4)};"),
                                (f"{x} > 0", f"{x} = {x} >> 1;"),
                                (f"{x} != {r.randint(0, 9)}", f"{x} = {x} - 1;"),
                                (f"{x} < {r.randint(0, 120)}", f"{x} = {x} + {r.randint(1, 9)};")])
        self.emit(indent, f"while ({guard}) {{", hook=self.next_hook())
        for _ in range(r.randint(0, 2)):
            c = r.random() if not nested_inner else 0.9
            if c < 0.5:
                self.emit(indent + 1, f"{y} = {self.term_expr()};")
            elif c < 0.8:
                self.emit(indent + 1, f"if ({self.term_cond()}) {y} = {self.term_expr()};")
            else:
                self.emit(indent + 1, f"if ({self.term_cond()}) break;")
        if nested:
            self.ranked_loop(indent + 1, y, x, nested=False, nested_inner=True)
            self.emit(indent + 1, "}")
            self.emit(indent + 1, f"{y} = {x};")
        self.emit(indent + 1, step)

    def termination(self):
        r, p = self.r, self.p
        p.prop = "termination"
        p.assert_form = "none"
        p.inputs = [("a", r.choice([U8, S8])), ("b", r.choice([U8, S8]))]
        p.entry = "f"
        self.emit(0, f"void f({p.inputs[0][1]} a, {p.inputs[1][1]} b) {{")
        p.state_vars = ["a", "b"]
        if r.random() < 0.5:
            self.emit(1, f"while ({self.term_cond()}) {{", hook=self.next_hook())
            self.term_block(2, 1)
        else:
            self.ranked_loop(1, "a", "b", nested=r.random() < 0.4)
        self.emit(1, "}")
        self.emit(0, "}")
        return p


def generate(seed, kind="safety"):
    """The program of this seed (kind: "safety" or "termination")."""
    g = Gen(random.Random(f"{kind}-{seed}"), kind)
    return g.safety() if kind == "safety" else g.termination()


def fill_slots(program, probes, rng):
    """Turns each assertion slot into a comparison with a constant chosen from the range its
    expression took over all inputs (probes: slot -> (lo, hi), absent when never reached):
    mostly one that holds, often one that fails only where the extreme is reached, so that
    about half the programs are safe. The constant lies in the range of the expression's type,
    so the comparison means the same over long long (the ground truth's harness)."""
    for k, slot in enumerate(program.slots):
        seen = probes.get(k)
        if seen is None:
            op, v = "!=", rng.randint(0, 9)
        else:
            lo, hi = seen
            op, v = rng.choice([("<=", hi), ("<=", hi), (">=", lo), (">=", lo), ("<", hi), ("!=", lo),
                                ("!=", rng.randint(lo, hi) if hi - lo < 10**6 else lo + 1)])
        unsigned = seen is not None and seen[1] > 2**31 - 1
        slot["op"], slot["const"] = op, v
        slot["cond"] = f"{slot['expr']} {op} {c_const(v, UINT if unsigned else INT)}"
