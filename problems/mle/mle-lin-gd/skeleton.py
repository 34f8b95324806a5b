import numpy as np


def linreg_gd(X: np.ndarray, y: np.ndarray, lr: float, n_iter: int) -> tuple[np.ndarray, float, list]:
    """Gradient descent on (1/2n) * sum((X @ w + b - y)**2) from w = 0, b = 0.

    Returns (w, b, losses) where losses[k] is the loss recorded before update k.
    """
    raise NotImplementedError
