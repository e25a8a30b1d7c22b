def f(flag: bool, x: int):
    assert True + 1 == 2
    y = x + flag
    assert 0 <= y - x <= 1
    assert (flag or x) == (x if not flag else True)
