import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric y - theta * (x - mean(x)) with theta = cov(x, y) / var(x)."""
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("y and x must be non-empty and of equal length")
    if np.all(x == x[0]):
        return y.copy()
    xc = x - x.mean()
    theta = float(xc @ (y - y.mean())) / float(xc @ xc)
    return y - theta * xc
