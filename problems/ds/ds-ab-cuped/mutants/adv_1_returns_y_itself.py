# breaks: new-array
# adversary: breaks "return y unchanged (as a float64 copy)" / "a new 1-D float64 array"
# class: 8
import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric; on a constant x the (float64) input y itself is returned, not a copy."""
    y = np.asarray(y, dtype=np.float64)  # no copy when y is already float64
    x = np.asarray(x, dtype=np.float64)
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
