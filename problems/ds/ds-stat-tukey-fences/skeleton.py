import numpy as np


def tukey_outliers(x: np.ndarray, k: float = 1.5) -> np.ndarray:
    """Return a bool mask, True where x lies strictly outside
    [Q1 - k*IQR, Q3 + k*IQR] (linear-interpolation quartiles).
    Raise ValueError for an empty x or a negative k."""
    raise NotImplementedError
