"""Exact answers of a generated program: gcc runs it on every one of its 65,536 inputs.

The program (gen_c.Program.gt_text, its assertions as slots) is compiled with gcc's UBSan instrumentation for signed
overflow, shifts and division by zero, and linked with a harness that defines the sanitizer's
handlers itself: the first event of an input (a failing assertion, undefined behaviour) ends
that input's run with a long jump, so one process runs the whole domain. A loop-head hook
records the state (every variable of the entry); since the program is deterministic, a state
that repeats (Brent's cycle detection) means the input never terminates, exactly.

Per input, one outcome letter:
  .  returned            A  assertion failed        T  assertion reached, execution stopped
  O  signed overflow     Z  division by zero        S  invalid shift
  F  SIGFPE (INT_MIN / -1 with -fwrapv)             D  never terminates (a state repeats)
  C  step cap reached (no answer for this input: the program is discarded)

Modes follow verdict's semantics of the question (README, transform/select_properties):
  all           every event counts, the first ends the run;
  unreach-call  signed overflow wraps (the handler returns), division/shift UB ends the run;
  no-overflow   an assertion ends the run without failing (T); an extern __VERIFIER_assert
                that fails is ignored (its check is removed, the execution goes on);
  termination   as `all`, the question being whether some input gives D.
"""
import os
import subprocess

HARNESS = r"""
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sigjmp_buf gt_env;
static unsigned gt_line;
static long long gt_in[2];
static int gt_k;
static unsigned long long gt_total, gt_steps, gt_power, gt_lam;
static long long gt_saved[64];
static int gt_nsaved;
static long long gt_lo[64], gt_hi[64];
static int gt_reached[64];
enum { CAP_INPUT = 1 << 20 };
static const unsigned long long CAP_TOTAL = 200000000ULL;

struct gt_loc { const char *file; unsigned line, column; };
static void gt_event(void *data, int kind) {
  gt_line = data ? ((struct gt_loc *)data)->line : 0;
  siglongjmp(gt_env, kind);
}
#define OVERFLOW_HANDLER(name, ...)                                    \
  void name(void *d, ##__VA_ARGS__) { if (!GT_OVERFLOW_WRAPS) gt_event(d, 'O'); } \
  void name##_abort(void *d, ##__VA_ARGS__) { gt_event(d, 'O'); }
OVERFLOW_HANDLER(__ubsan_handle_add_overflow, void *l, void *r)
OVERFLOW_HANDLER(__ubsan_handle_sub_overflow, void *l, void *r)
OVERFLOW_HANDLER(__ubsan_handle_mul_overflow, void *l, void *r)
OVERFLOW_HANDLER(__ubsan_handle_negate_overflow, void *v)
static void gt_divrem(void *d, void *r) { gt_event(d, (long)r == 0 || (int)(long)r == 0 ? 'Z' : 'F'); }
void __ubsan_handle_divrem_overflow(void *d, void *l, void *r) { (void)l; gt_divrem(d, r); }
void __ubsan_handle_divrem_overflow_abort(void *d, void *l, void *r) { (void)l; gt_divrem(d, r); }
void __ubsan_handle_shift_out_of_bounds(void *d, void *l, void *r) { gt_event(d, 'S'); }
void __ubsan_handle_shift_out_of_bounds_abort(void *d, void *l, void *r) { gt_event(d, 'S'); }
static void gt_fpe(int sig) { (void)sig; gt_line = 0; siglongjmp(gt_env, 'F'); }

static void gt_assertion(unsigned line) { gt_line = line; siglongjmp(gt_env, GT_ASSERT_STOPS ? 'T' : 'A'); }
#if GT_DEFINE_REACH_ERROR
void reach_error(void) { gt_assertion(0); }
#endif
void __assert_fail(const char *a, const char *f, unsigned line, const char *fn) {
  (void)a; (void)f; (void)fn; gt_assertion(line);
}
#if GT_DEFINE_VERIFIER_ASSERT
void __VERIFIER_assert(int c) { if (!c && !GT_ASSERT_STOPS) gt_assertion(0); }
#endif
unsigned char __VERIFIER_nondet_uchar(void) { return (unsigned char)gt_in[gt_k++ & 1]; }
char __VERIFIER_nondet_char(void) { return (char)gt_in[gt_k++ & 1]; }

void gt_head(const long long *s, int n) {
  if (++gt_steps > CAP_INPUT || ++gt_total > CAP_TOTAL) siglongjmp(gt_env, 'C');
  if (gt_nsaved == n && memcmp(s, gt_saved, sizeof(long long) * (size_t)n) == 0) siglongjmp(gt_env, 'D');
  if (gt_lam == gt_power) {
    memcpy(gt_saved, s, sizeof(long long) * (size_t)n);
    gt_nsaved = n; gt_power *= 2; gt_lam = 0;
  }
  ++gt_lam;
}
/* An assertion slot: records the range of its expression; with a condition (GT_CONDS,
   "slot op constant" items separated by ';'), fails as the program's assertion form does. */
static char gt_op[64][3];
static long long gt_c[64];
static int gt_has[64];
static void gt_load_conds(const char *s) {
  int k, used;
  char op[3];
  long long c;
  while (s && sscanf(s, " %d %2s %lld%n", &k, op, &c, &used) == 3 && k >= 0 && k < 64) {
    memcpy(gt_op[k], op, 3); gt_c[k] = c; gt_has[k] = 1;
    s += used;
    if (*s == ';') ++s;
  }
}
void gt_slot(int k, long long v) {
  if (!gt_reached[k] || v < gt_lo[k]) gt_lo[k] = v;
  if (!gt_reached[k] || v > gt_hi[k]) gt_hi[k] = v;
  gt_reached[k] = 1;
  if (!gt_has[k]) return;
  const char *op = gt_op[k];
  int holds = op[0] == '<' ? (op[1] == '=' ? v <= gt_c[k] : v < gt_c[k])
            : op[0] == '>' ? (op[1] == '=' ? v >= gt_c[k] : v > gt_c[k])
            : op[0] == '!' ? v != gt_c[k] : v == gt_c[k];
  if (holds || (GT_ASSERT_STOPS && GT_DEFINE_VERIFIER_ASSERT)) return;
  gt_assertion(0);
}

GT_ENTRY_DECL;

static int gt_run(long long x, long long y) {
  gt_in[0] = x; gt_in[1] = y; gt_k = 0;
  gt_steps = 0; gt_power = 1; gt_lam = 0; gt_nsaved = -1; gt_line = 0;
  int r = sigsetjmp(gt_env, 1);
  if (r == 0) { GT_CALL; r = '.'; }
  return r;
}

int main(int argc, char **argv) {
  signal(SIGFPE, gt_fpe);
  gt_load_conds(getenv("GT_CONDS"));
  static const long long dom[2][2] = {GT_DOMAINS};
  if (argc == 3) {  /* one input: its outcome and line */
    int r = gt_run(atoll(argv[1]), atoll(argv[2]));
    printf("%c %u\n", r, gt_line);
    return 0;
  }
  static char out[65537];
  int n = 0;
  for (long long x = dom[0][0]; x <= dom[0][1]; ++x)
    for (long long y = dom[1][0]; y <= dom[1][1]; ++y) out[n++] = (char)gt_run(x, y);
  out[n] = 0;
  printf("%s\n", out);
  for (int k = 0; k < 64; ++k)
    if (gt_reached[k]) printf("probe %d %lld %lld\n", k, gt_lo[k], gt_hi[k]);
  return 0;
}
"""

DOMAIN = {"unsigned char": (0, 255), "signed char": (-128, 127), "char": (-128, 127)}
SANITIZE = "-fsanitize=signed-integer-overflow,shift,integer-divide-by-zero"


class Truth:
    """Outcomes of every input (row-major over the two inputs' domains) and probe ranges."""

    def __init__(self, program, outcomes, probes):
        self.program, self.outcomes, self.probes = program, outcomes, probes
        self.domains = [DOMAIN[t] for _, t in program.inputs]

    def index(self, x, y):
        (lx, hx), (ly, hy) = self.domains
        if not (lx <= x <= hx and ly <= y <= hy):
            return None
        return (x - lx) * (hy - ly + 1) + (y - ly)

    def inputs_of(self, i):
        (lx, _), (ly, hy) = self.domains
        return lx + i // (hy - ly + 1), ly + i % (hy - ly + 1)

    def first(self, letters):
        """The first input whose outcome is one of letters, or None."""
        for i, o in enumerate(self.outcomes):
            if o in letters:
                return self.inputs_of(i)
        return None

    def verdict(self):
        """(expected, letters): "yes", "no" (letters: the outcomes that make a no right) or
        "dont_know" (only don't know is right: undefined behaviour outside the question)."""
        prop, o = self.program.prop, set(self.outcomes)
        if prop == "termination":
            if "D" in o:
                return "no", "D"
            return ("dont_know", "") if o & set("OZSF") else ("yes", "")
        if prop == "unreach-call":
            if "A" in o:
                return "no", "A"
            return ("dont_know", "") if o & set("ZSF") else ("yes", "")
        bad = "OZSF" if prop == "no-overflow" else "AOZSF"
        return ("no", bad) if o & set(bad) else ("yes", "")


def compile_gt(program, workdir):
    """Writes prog.c (the GT text) and harness.c to workdir and builds ./gt; returns its path."""
    os.makedirs(workdir, exist_ok=True)
    mode = program.prop
    defs = {
        "GT_OVERFLOW_WRAPS": "1" if mode == "unreach-call" else "0",
        "GT_ASSERT_STOPS": "1" if mode == "no-overflow" else "0",
        "GT_DEFINE_REACH_ERROR": "1" if program.assert_form == "extern-reach" else "0",
        "GT_DEFINE_VERIFIER_ASSERT": "1" if program.assert_form == "extern-assert" else "0",
    }
    types = [t for _, t in program.inputs]
    if program.input_form == "params":
        decl = f"void {program.entry}({types[0]}, {types[1]})"
        call = f"{program.entry}(({types[0]})x, ({types[1]})y)"
    else:
        decl, call = "int gt_main(void)", "gt_main()"
    doms = ", ".join("{%d, %d}" % DOMAIN[t] for t in types)
    harness = HARNESS.replace("GT_ENTRY_DECL", decl).replace("GT_CALL", call).replace("GT_DOMAINS", doms)
    with open(os.path.join(workdir, "prog_gt.c"), "w") as f:
        f.write(program.gt_text())
    with open(os.path.join(workdir, "harness.c"), "w") as f:
        f.write(harness)
    exe = os.path.join(workdir, "gt")
    flags = ["-std=gnu11", "-O0", "-w"] + [f"-D{k}={v}" for k, v in defs.items()]
    objs = []
    # One gcc run (the machine is shared): the harness's definitions of the sanitizer's
    # handlers take precedence over libubsan's.
    subprocess.run(["gcc", *flags, SANITIZE, "-fsanitize-recover=all", os.path.join(workdir, "prog_gt.c"),
                    os.path.join(workdir, "harness.c"), "-o", exe], check=True, capture_output=True, text=True)
    return exe


def conds_env(program):
    """GT_CONDS for the harness: each filled slot's comparison."""
    items = [f"{k} {slot['op']} {slot['const']}" for k, slot in enumerate(program.slots) if slot["cond"]]
    return dict(os.environ, GT_CONDS=";".join(items))


def run_gt(program, workdir, timeout=120, build=True):
    """The Truth of program (built in workdir unless build is False: the slots' conditions
    are read at run time, so filling them needs no new build), or None when some input
    reached the step cap."""
    exe = compile_gt(program, workdir) if build else os.path.join(workdir, "gt")
    proc = subprocess.run([exe], capture_output=True, text=True, timeout=timeout, check=True,
                          env=conds_env(program))
    lines = proc.stdout.split("\n")
    outcomes = lines[0]
    probes = {}
    for ln in lines[1:]:
        if ln.startswith("probe "):
            _, k, lo, hi = ln.split()
            probes[int(k)] = (int(lo), int(hi))
    if "C" in outcomes:
        return None
    return Truth(program, outcomes, probes)

