import numpy as np


def numerical_grad(f, x, h=1e-5):
    # Forward difference (f(x + h e_i) - f(x)) / h: only first-order accurate.
    work = np.array(x, dtype=np.float64, copy=True)
    flat = work.reshape(-1)
    f0 = f(work)
    grad = np.empty(flat.size)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        grad[i] = (f(work) - f0) / h
        flat[i] = old
    return grad.reshape(work.shape)
