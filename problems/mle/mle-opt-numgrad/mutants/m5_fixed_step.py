import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Ignores the h argument and always uses 1e-5.
    step = 1e-5
    work = np.array(x, dtype=np.float64, copy=True)
    flat = work.reshape(-1)
    grad = np.empty(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + step
        f_plus = f(work)
        flat[i] = old - step
        f_minus = f(work)
        flat[i] = old
        grad[i] = (f_plus - f_minus) / (2 * step)
    return grad.reshape(work.shape)
