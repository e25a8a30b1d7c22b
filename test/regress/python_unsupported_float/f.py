def half(x):
    if x > 10:
        y = x / 2
        assert y < x
    return x
