import numpy as np


def kl_div(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """KL(p || q) = sum p * log(p / q) along the last axis.

    Terms with p = 0 count 0; p > 0 with q = 0 gives inf. No RuntimeWarning for zeros.
    Returns one float64 number for 1-D inputs, else a float64 array of shape p.shape[:-1].
    """
    raise NotImplementedError
