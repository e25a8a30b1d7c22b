# Safety through Python's control flow: chained comparisons, short-circuit, loops, calls,
# raise. "expect:" is the true answer, with why.

# expect: check chained_in_range yes -- 0 < x < 10 means x * x < 100
def chained_in_range(x):
    if 0 < x < 10:
        assert x * x < 100


# expect: check chained_boundary no -- 0 <= x <= 10 admits x = 10
def chained_boundary(x):
    if 0 <= x <= 10:
        assert x < 10


# expect: check short_circuit_guard yes -- 10 // x runs only when x != 0
def short_circuit_guard(x):
    if x != 0 and 10 // x > 1:
        return 1
    return 0


# expect: check short_circuit_wrong_order no -- 10 // x runs first: x = 0 raises ZeroDivisionError
def short_circuit_wrong_order(x):
    if 10 // x > 1 and x != 0:
        return 1
    return 0


# expect: check or_value yes -- `x or 5` is x when x is non-zero, else 5: never 0
def or_value(x):
    y = x or 5
    assert y != 0


# expect: check raise_on_negative no -- check_age(-1) raises ValueError
def raise_on_negative(age):
    if age < 0:
        raise ValueError("negative age")
    return age


# expect: check raise_unreachable yes -- no int is both below and above 0
def raise_unreachable(a):
    if a < 0 and a > 0:
        raise ValueError("impossible")


# expect: check range_step_zero no -- range(0, 10, 0) raises ValueError
def range_step_zero(step):
    for i in range(0, 10, step):
        pass


# expect: check range_negative_step yes -- range(10, 0, -2) is 10, 8, 6, 4, 2
def range_negative_step():
    for i in range(10, 0, -2):
        assert i > 0 and i % 2 == 0


# expect: check range_negative_step_to_zero no -- range(10, -1, -2) ends with 0
def range_negative_step_to_zero():
    for i in range(10, -1, -2):
        assert i > 0


# expect: check sum_of_range yes -- the sum of 0..n-1 is never negative (invariant s >= 0, i >= 0)
def sum_of_range(n):
    s = 0
    for i in range(n):
        s += i
    assert s >= 0


# expect: check countdown_ends_at_zero yes -- after the loop n <= 0, and it was decremented by 1 from > 0 or never
def countdown_ends_at_zero(n):
    while n > 0:
        n -= 1
    assert n <= 0


# expect: check swap yes -- a, b = b, a swaps (both values read before either is assigned)
def swap(a, b):
    x, y = a, b
    a, b = b, a
    assert a == y and b == x


# expect: check call_square yes -- square(y) is y * y >= 0 (an inlined call)
def square(x):
    return x * x


def call_square(y):
    assert square(y) >= 0


# expect: check gcd_positive yes -- with a, b > 0 Euclid's loop keeps a > 0 and returns a > 0
def gcd_positive(a, b):
    if a <= 0 or b <= 0:
        return 1
    while b != 0:
        a, b = b, a % b
    assert a > 0
    return a


# expect: check while_else_break yes -- the else clause runs only without break: then x <= 0 stays
def while_else_break(x):
    found = False
    while x > 0:
        if x == 7:
            found = True
            break
        x -= 1
    else:
        assert x <= 0
    assert found or x <= 0


# expect: check factorial_recursive dont_know -- true answer yes, but recursion is inlined to a bound
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def factorial_recursive(n):
    assert fact(n) >= 1


# expect: check uses_float dont_know -- floats are not modelled (named in the answer)
def uses_float(x):
    y = x / 2
    assert y * 2 == x


# expect: check uses_list dont_know -- lists are not modelled
def uses_list(x):
    xs = [x, x]
    assert len(xs) == 2
