import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Fresh perturbed copies for every coordinate, visited with np.ndindex; x is never written to.
    x = np.asarray(x, dtype=np.float64)
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(*x.shape):
        xp = x.copy()
        xm = x.copy()
        xp[idx] += h
        xm[idx] -= h
        grad[idx] = (f(xp) - f(xm)) / (2 * h)
    return grad
