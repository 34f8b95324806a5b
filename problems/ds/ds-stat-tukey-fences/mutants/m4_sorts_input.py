import numpy as np


def tukey_outliers(x, k=1.5):
    # Sorts the caller's array in place to read off the quartiles.
    if k < 0:
        raise ValueError("k must be non-negative")
    if x.size == 0:
        raise ValueError("x is empty")
    x.sort()
    n = x.size
    q1 = np.interp(0.25 * (n - 1), np.arange(n), x)
    q3 = np.interp(0.75 * (n - 1), np.arange(n), x)
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)
