import numpy as np


def tukey_outliers(x: np.ndarray, k: float = 1.5) -> np.ndarray:
    """Boolean mask of the values strictly outside [Q1 - k*IQR, Q3 + k*IQR] (linear quartiles)."""
    if k < 0:
        raise ValueError("k must be non-negative")
    x = np.asarray(x)
    if x.size == 0:
        raise ValueError("x is empty")
    q1, q3 = np.percentile(x, [25, 75])
    iqr = q3 - q1
    return (x < q1 - k * iqr) | (x > q3 + k * iqr)
