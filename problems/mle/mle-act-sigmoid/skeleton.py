import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    """Logistic function 1 / (1 + exp(-x)) of every entry of x.

    Never overflows (no RuntimeWarning for magnitudes up to 1e4). Returns a new array with
    the same shape and dtype as x (float32 stays float32). The input is not modified.
    """
    raise NotImplementedError
