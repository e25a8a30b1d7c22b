def skips_zero(x):
    while x != 0:
        x -= 1
