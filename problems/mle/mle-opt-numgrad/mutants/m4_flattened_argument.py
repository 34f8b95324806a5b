import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Calls f on a flattened 1-D copy instead of an array of x's shape.
    flat = np.array(x, dtype=np.float64).ravel()
    grad = np.empty(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = f(flat)
        flat[i] = old - h
        f_minus = f(flat)
        flat[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad.reshape(np.shape(x))
