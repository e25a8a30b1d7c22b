# Safety of Python's integer arithmetic: unbounded, floor division and modulo.
# Each "expect:" line is the true answer, with why; "dont_know" only where the truth is
# out of reach by design (recursion, unsupported constructs) or unknown.

# expect: check inverse no -- inverse(0) evaluates 100 // 0: ZeroDivisionError
def inverse(x):
    return 100 // x


# expect: check guarded_inverse yes -- the division happens only when x != 0
def guarded_inverse(x):
    if x != 0:
        return 100 // x
    return 0


# expect: check mod_non_negative yes -- with a positive divisor Python's % is in [0, divisor)
def mod_non_negative(x):
    assert 0 <= x % 3 < 3


# expect: check mod_negative_divisor yes -- with a negative divisor % is in (divisor, 0]
def mod_negative_divisor(x):
    assert -3 < x % -3 <= 0


# expect: check floor_identity yes -- (x // d) * d + x % d == x for every d != 0 (here d = -3)
def floor_identity(x):
    assert (x // -3) * -3 + x % -3 == x


# expect: check floor_rounds_down yes -- x // 2 rounds toward negative infinity: 2 * (x // 2) <= x
def floor_rounds_down(x):
    assert 2 * (x // 2) <= x


# expect: check truncation_would_differ no -- -7 // 2 is -4 in Python (C would give -3); x = -7 breaks it
def truncation_would_differ(x):
    if x < 0:
        assert x // 2 == -((-x) // 2)


# expect: check no_overflow yes -- x + 1 > x for every Python int (no wrap-around)
def no_overflow(x):
    assert x + 1 > x


# expect: check abs_non_negative yes -- abs(x) >= 0 for every int (no INT_MIN)
def abs_non_negative(x):
    assert abs(x) >= 0


# expect: check square_non_negative yes -- x * x >= 0 over the integers
def square_non_negative(x):
    assert x ** 2 >= 0 and x * x == x ** 2


# expect: check powers yes -- constant exponents: 2 ** 10 == 1024, (-2) ** 3 == -8, x ** 0 == 1
def powers(x):
    assert 2 ** 10 == 1024 and (-2) ** 3 == -8 and x ** 0 == 1


# expect: check min_max yes -- max(a, b) >= min(a, b), and both are one of a, b
def min_max(a, b):
    assert max(a, b) >= min(a, b)
    assert max(a, b) == a or max(a, b) == b


# expect: check bool_is_int yes -- True + 1 == 2 and a bool parameter is 0 or 1
def bool_is_int(flag: bool):
    assert True + 1 == 2
    assert flag + 1 <= 2 and flag >= 0


# expect: check invert yes -- ~x == -x - 1 for ints
def invert(x):
    assert ~x == -x - 1
