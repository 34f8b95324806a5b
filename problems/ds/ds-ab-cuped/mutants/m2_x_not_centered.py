# breaks: centered
import numpy as np


def cuped(y, x):
    # Subtracts theta * x instead of theta * (x - mean(x)): the mean of y shifts.
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("bad input")
    if np.var(x) == 0:
        return y.copy()
    theta = np.cov(x, y)[0, 1] / np.var(x, ddof=1)
    return y - theta * x
