def inverse(x):
    return 100 // x
