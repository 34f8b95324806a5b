import numpy as np


def ridge_fit(X: np.ndarray, y: np.ndarray, alpha: float) -> tuple[np.ndarray, float]:
    """Fit y ≈ X @ w + b minimising ||y - X w - b||² + alpha ||w||² (b not penalised).

    Returns (w, b): w is a float64 array of shape (d,), b a float.
    Raises ValueError if alpha < 0.
    """
    raise NotImplementedError
