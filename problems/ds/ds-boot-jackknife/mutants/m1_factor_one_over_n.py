import numpy as np


def jackknife_se(x, stat):
    x = np.asarray(x)
    n = x.shape[0]
    if n < 2:
        raise ValueError("the jackknife needs at least two observations")
    thetas = np.array([float(stat(np.delete(x, i))) for i in range(n)])
    return float(np.sqrt(1 / n * np.sum((thetas - thetas.mean()) ** 2)))
