def gcd(a, b):
    if a <= 0 or b <= 0:
        return 1
    while b != 0:
        a, b = b, a % b
    assert a > 0
    return a
