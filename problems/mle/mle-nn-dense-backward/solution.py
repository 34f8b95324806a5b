import numpy as np


def dense_backward(x: np.ndarray, W: np.ndarray, dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dW, db) of a scalar loss through y = x @ W + b, given dout = dLoss/dy."""
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dW, db
