import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric: y - theta * (x - mean(x)) with theta = cov(x, y) / var(x).

    Returns a new float64 array. A constant x returns y unchanged (float64 copy).
    Raises ValueError for empty inputs or inputs of different lengths.
    """
    y = np.array(y, dtype=np.float64)  # always a copy
    x = np.array(x, dtype=np.float64)
    if y.ndim != 1 or x.ndim != 1:
        raise ValueError("y and x must be 1-D")
    if y.shape[0] != x.shape[0]:
        raise ValueError("y and x must have the same length")
    if y.shape[0] == 0:
        raise ValueError("empty input")
    if np.all(x == x[0]):
        return y
    xc = x - x.mean()
    yc = y - y.mean()
    theta = float(xc @ yc) / float(xc @ xc)
    return y - theta * xc
