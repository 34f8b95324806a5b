import numpy as np


def log_loss(y_true, p, eps: float = 1e-15) -> float:
    """Mean binary cross-entropy with p clipped to [eps, 1 - eps], computed in float64."""
    y = np.asarray(y_true, dtype=np.float64)
    q = np.asarray(p, dtype=np.float64)
    if y.ndim != 1 or q.shape != y.shape:
        raise ValueError("y_true and p must be 1-D with the same length")
    if y.size == 0:
        raise ValueError("empty input")
    q = np.clip(q, eps, 1.0 - eps)
    return float(-np.mean(y * np.log(q) + (1.0 - y) * np.log(1.0 - q)))
