import numpy as np


def cuped(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """CUPED-adjusted metric: y - theta * (x - mean(x)) with theta = cov(x, y) / var(x).

    Returns a new float64 array. A constant x returns y unchanged (float64 copy).
    Raises ValueError for empty inputs or inputs of different lengths.
    """
    raise NotImplementedError
