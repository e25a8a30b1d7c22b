def f(x):
    if x > 0:
        return [x]
    return 10 // x
