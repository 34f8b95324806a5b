import numpy as np


def logreg_fit(X: np.ndarray, y: np.ndarray, lr: float, n_iter: int,
               l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Gradient descent on mean log-loss + (l2/2)*||w||^2 (b not penalised) from w = 0, b = 0.

    Returns (w, b). The sigmoid must not overflow for large |scores|.
    """
    raise NotImplementedError
