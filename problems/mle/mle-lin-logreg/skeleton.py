import numpy as np


def logreg_fit(X: np.ndarray, y: np.ndarray, lr: float, n_iter: int,
               l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Return (w, b) after n_iter full-batch gradient-descent steps on J, starting from w = 0, b = 0."""
    raise NotImplementedError
