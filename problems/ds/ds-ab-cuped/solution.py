import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric y - theta * (x - mean(x)) with theta = cov(x, y) / var(x)."""
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.ndim != 1 or x.ndim != 1:
        raise ValueError("y and x must be 1-D arrays")
    if y.size == 0 or y.size != x.size:
        raise ValueError("y and x must be non-empty and of equal length")
    xc = x - x.mean()
    sxx = float(xc @ xc)
    if sxx == 0.0:
        return y.copy()
    theta = float(xc @ (y - y.mean())) / sxx
    return y - theta * xc
