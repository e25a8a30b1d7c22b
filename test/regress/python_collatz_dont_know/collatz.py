def collatz(n):
    while n > 1:
        n = 3 * n + 1 if n % 2 else n // 2
