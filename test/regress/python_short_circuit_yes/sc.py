def f(x, y):
    if x != 0 and y // x > 1 or not x and y == 0:
        return 1 if x and y % x == 0 else 2
    return 0
