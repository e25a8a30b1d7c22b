def floor(x, y):
    if y != 0:
        q, r = x // y, x % y
        assert q * y + r == x
        assert (y > 0 and 0 <= r < y) or (y < 0 and y < r <= 0)
