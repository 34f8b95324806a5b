# breaks: theta
import numpy as np


def cuped(y, x):
    # theta = cov(x, y) / var(y): divides by the variance of the metric instead of the covariate.
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.size != x.size:
        raise ValueError("bad input")
    if np.var(x) == 0:
        return y.copy()
    theta = np.cov(x, y)[0, 1] / np.var(y, ddof=1)
    return y - theta * (x - x.mean())
