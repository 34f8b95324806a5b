import math

import numpy as np


def jackknife_se(x, stat):
    # Leave-one-out samples through a boolean mask; the sum of squares in plain Python.
    values = np.array(x, copy=True)
    n = len(values)
    if n < 2:
        raise ValueError("need at least two values")
    keep = np.ones(n, dtype=bool)
    thetas = []
    for i in range(n):
        keep[i] = False
        thetas.append(float(stat(values[keep])))
        keep[i] = True
    mean = math.fsum(thetas) / n
    ss = math.fsum((t - mean) ** 2 for t in thetas)
    return math.sqrt((n - 1) / n * ss)
