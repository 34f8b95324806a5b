import numpy as np


def ratio_se(num: np.ndarray, den: np.ndarray) -> float:
    """Return the standard error of R = mean(num) / mean(den) over independent users."""
    raise NotImplementedError
