import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Works on the caller's x and "restores" it by arithmetic (x += h; x -= 2h; x += h): rounding drifts.
    grad = np.empty(x.shape)
    for idx in np.ndindex(*x.shape):
        x[idx] += h
        f_plus = f(x)
        x[idx] -= 2 * h
        f_minus = f(x)
        x[idx] += h
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
