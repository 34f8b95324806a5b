# breaks: theta
import numpy as np


def cuped(y, x):
    # np.cov uses ddof = 1 but np.var defaults to ddof = 0: theta is too large by n / (n - 1).
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("bad input")
    if np.var(x) == 0:
        return y.copy()
    theta = np.cov(x, y)[0, 1] / np.var(x)
    return y - theta * (x - x.mean())
