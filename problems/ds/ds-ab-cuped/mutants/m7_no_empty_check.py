# breaks: empty-raises
import numpy as np


def cuped(y, x):
    # Checks the lengths but not emptiness: two empty arrays give an empty result.
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.shape != x.shape:
        raise ValueError("y and x must have the same length")
    if x.size == 0 or np.all(x == x[0]):
        return y.copy()
    xc = x - x.mean()
    theta = (xc @ (y - y.mean())) / (xc @ xc)
    return y - theta * xc
