# breaks: float64
# adversary: breaks "return y unchanged (as a float64 copy)" (integer y keeps its integer dtype)
# class: 4
import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric; the constant-x branch copies y but keeps its dtype."""
    y = np.asarray(y)
    x = np.asarray(x)
    if y.ndim != 1 or x.ndim != 1:
        raise ValueError("y and x must be 1-D")
    if y.shape[0] != x.shape[0]:
        raise ValueError("y and x must have the same length")
    if y.shape[0] == 0:
        raise ValueError("empty input")
    if np.all(x == x[0]):
        return y.copy()
    xf = x.astype(np.float64)
    yf = y.astype(np.float64)
    xc = xf - xf.mean()
    yc = yf - yf.mean()
    theta = float(xc @ yc) / float(xc @ xc)
    return yf - theta * xc
