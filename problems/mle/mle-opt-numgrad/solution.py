from typing import Callable

import numpy as np


def numerical_grad(f: Callable, x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    """Central-difference gradient of the scalar function f at x; x itself is left untouched."""
    work = np.array(x, dtype=np.float64, copy=True)
    flat = work.reshape(-1)  # a view on `work`
    grad = np.empty(flat.size, dtype=np.float64)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + h
        f_plus = float(f(work))
        flat[i] = old - h
        f_minus = float(f(work))
        flat[i] = old
        grad[i] = (f_plus - f_minus) / (2.0 * h)
    return grad.reshape(work.shape)
