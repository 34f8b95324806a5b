import numpy as np


def tukey_outliers(x: np.ndarray, k: float = 1.5) -> np.ndarray:
    """Return a bool mask, True where x is an outlier by Tukey's fences with multiplier k."""
    raise NotImplementedError
