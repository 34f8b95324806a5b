import numpy as np


def average_precision(y_true: np.ndarray, scores: np.ndarray) -> float:
    """AP = sum over distinct score thresholds (decreasing) of (R_k - R_{k-1}) * P_k.
    Rows with tied scores enter together. Raise ValueError if there are no positives
    or the lengths differ."""
    raise NotImplementedError
