def countdown():
    total = 0
    for i in range(10, -1, -3):
        total += i
    assert total == 10 + 7 + 4 + 1
    for i in range(10, -1, -2):
        assert i != 0
