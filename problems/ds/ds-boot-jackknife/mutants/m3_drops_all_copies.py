import numpy as np


def jackknife_se(x, stat):
    # Leaves out by value, so every copy of a repeated value is dropped together.
    x = np.asarray(x)
    n = x.shape[0]
    if n < 2:
        raise ValueError("the jackknife needs at least two observations")
    thetas = np.array([float(stat(x[x != v])) for v in x])
    return float(np.sqrt((n - 1) / n * np.sum((thetas - thetas.mean()) ** 2)))
