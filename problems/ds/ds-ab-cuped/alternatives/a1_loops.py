import math

import numpy as np


def cuped(y, x):
    # Plain Python sums with ddof = 1 for both covariance and variance.
    ys = [float(v) for v in np.asarray(y).ravel()]
    xs = [float(v) for v in np.asarray(x).ravel()]
    if len(ys) == 0 or len(ys) != len(xs):
        raise ValueError("need non-empty y and x of the same length")
    n = len(ys)
    if all(v == xs[0] for v in xs):
        return np.array(ys, dtype=np.float64)
    mx = math.fsum(xs) / n
    my = math.fsum(ys) / n
    cov = math.fsum((a - mx) * (b - my) for a, b in zip(xs, ys)) / (n - 1)
    var = math.fsum((a - mx) ** 2 for a in xs) / (n - 1)
    theta = cov / var
    return np.array([b - theta * (a - mx) for a, b in zip(xs, ys)], dtype=np.float64)
