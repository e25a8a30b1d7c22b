# The founding examples 4 and 5 in Python: the same questions over unbounded integers.


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


def inverse(x):
    return 100 // x
