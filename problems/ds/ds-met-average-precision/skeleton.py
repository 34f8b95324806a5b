import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Return the average precision of scores for the binary labels y_true."""
    raise NotImplementedError
