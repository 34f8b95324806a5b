# breaks: length-raises
import numpy as np


def cuped(y, x):
    # Checks for empty input only; broadcasting lets a length-1 array through, and a constant x returns early.
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or x.size == 0:
        raise ValueError("empty input")
    xc = x - x.mean()
    if np.all(x == x[0]):
        return y.copy()
    theta = np.mean(xc * (y - y.mean())) / np.mean(xc * xc)
    return y - theta * xc
