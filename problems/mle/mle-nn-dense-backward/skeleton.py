import numpy as np


def dense_backward(x: np.ndarray, W: np.ndarray, dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dW, db) of a scalar loss through y = x @ W + b, given dout = dL/dy.

    x: (N, D), W: (D, M), dout: (N, M). Returns dx (N, D), dW (D, M), db (M,), all float64.
    """
    raise NotImplementedError
