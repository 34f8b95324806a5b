import numpy as np


def tukey_outliers(x, k=1.5):
    # Wrong rule: mean +/- k standard deviations instead of the quartile fences.
    if k < 0:
        raise ValueError("k must be non-negative")
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        raise ValueError("x is empty")
    m, s = x.mean(), x.std()
    return (x < m - k * s) | (x > m + k * s)
