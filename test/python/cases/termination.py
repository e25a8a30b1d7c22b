# Termination of Python functions over unbounded integers. "expect:" is the true answer.

# expect: terminates g yes -- founding example 4: with y > 0 each round lowers x by y >= 1
def g(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    if y > 0:
        while x > y:
            x = x - y


# expect: terminates g2 no -- founding example 4: g2(5, 0) never leaves the loop
def g2(x, y):
    assert isinstance(x, int) and isinstance(y, int)
    while x > y:
        x = x - y


# expect: terminates collatz dont_know -- founding example 5: an open problem
def collatz(n):
    while n > 1:
        n = 3 * n + 1 if n % 2 else n // 2


# expect: terminates countdown yes -- n decreases by 1 while positive
def countdown(n):
    while n > 0:
        n -= 1


# expect: terminates skips_zero no -- x = -1 never reaches 0 counting down
def skips_zero(x):
    while x != 0:
        x -= 1


# expect: terminates range_loop yes -- a for loop over range(n) runs n times at most
def range_loop(n):
    s = 0
    for i in range(n):
        s += i
    return s


# expect: terminates nested_ranges yes -- nested range loops are bounded
def nested_ranges(n):
    c = 0
    for i in range(n):
        for j in range(i, 0, -1):
            c += j
    return c


# expect: terminates halving yes -- x // 2 < x while x > 0
def halving(x):
    while x > 0:
        x = x // 2


# expect: terminates step_zero no -- with y = 0, x stays below 100 forever
def step_zero(x, y):
    while x < 100:
        x = x + y


# expect: terminates forever no -- while True without break
def forever():
    while True:
        pass


# expect: terminates grows no -- x = 1 grows without bound (no overflow in Python)
def grows(x):
    while x > 0:
        x = x + 1


# expect: terminates lexicographic yes -- (x, y) decreases lexicographically
def lexicographic(x, y):
    while x > 0:
        if y > 0:
            y -= 1
        else:
            x -= 1
            y = 100


# expect: terminates oscillates no -- x = 1 goes to -1 and back to 1
def oscillates(x):
    while x != 0:
        x = x - 2 if x > 0 else x + 2


# expect: terminates raises_out yes -- every round either returns or raises: an exception ends the run
def raises_out(x):
    while True:
        if x < 0:
            raise ValueError("negative")
        return x


# expect: terminates recursive_down dont_know -- true answer yes, but recursion is inlined to a bound
def recursive_down(n):
    if n > 0:
        recursive_down(n - 1)


# expect: terminates break_out yes -- the loop breaks as soon as i reaches 10 or n
def break_out(n):
    i = 0
    while True:
        if i >= 10 or i >= n:
            break
        i += 1
