import numpy as np


def tukey_outliers(x, k=1.5):
    # Quartiles as medians of the lower and upper halves (Tukey's hinges), not linear percentiles.
    if k < 0:
        raise ValueError("k must be non-negative")
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        raise ValueError("x is empty")
    s = np.sort(x)
    half = (s.size + 1) // 2
    q1, q3 = np.median(s[:half]), np.median(s[s.size - half:])
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)
