import numpy as np


def dbscan(X: np.ndarray, eps: float, min_samples: int) -> np.ndarray:
    """DBSCAN cluster labels for the rows of X (int64, noise = -1), clusters numbered in discovery order."""
    raise NotImplementedError
