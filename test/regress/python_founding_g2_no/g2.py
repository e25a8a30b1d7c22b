def g2(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    while x > y:
        x = x - y
