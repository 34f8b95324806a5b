# breaks: inputs-unchanged
import numpy as np


def cuped(y, x):
    # Correct values, but a float64 y is adjusted in place (the caller's array changes).
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("bad input")
    xc = x - x.mean()
    sxx = xc @ xc
    if sxx == 0:
        return y
    theta = (xc @ (y - y.mean())) / sxx
    y -= theta * xc
    return y
