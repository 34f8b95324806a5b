import numpy as np


def bn_forward(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> tuple[np.ndarray, tuple]:
    """Training-mode batch norm of x (N, D) over the batch axis; return (out, cache)."""
    raise NotImplementedError


def bn_backward(dout: np.ndarray, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Given dout = dL/dout and your cache, return (dx, dgamma, dbeta)."""
    raise NotImplementedError
