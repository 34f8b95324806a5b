import numpy as np


def tukey_outliers(x, k=1.5):
    # Right values, but a 0/1 integer array instead of a boolean mask; no checks on k.
    x = np.asarray(x)
    if x.size == 0:
        raise ValueError("x is empty")
    q1, q3 = np.percentile(x, [25, 75])
    iqr = q3 - q1
    return ((x < q1 - k * iqr) | (x > q3 + k * iqr)).astype(np.int64)
