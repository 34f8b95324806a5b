import numpy as np


def layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    """Normalise x over its last axis (mean 0, biased variance 1), then gamma * xhat + beta.

    x: float64 array of shape (..., D); gamma, beta: shape (D,). Returns a float64 array shaped like x.
    """
    raise NotImplementedError
