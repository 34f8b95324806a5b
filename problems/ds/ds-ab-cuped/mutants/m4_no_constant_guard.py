# breaks: constant-x
import numpy as np


def cuped(y, x):
    # No special case for a constant covariate: 0 / 0 gives NaN (and a RuntimeWarning).
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("bad input")
    xc = x - x.mean()
    theta = np.mean(xc * (y - y.mean())) / np.mean(xc * xc)
    return y - theta * xc
