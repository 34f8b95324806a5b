import numpy as np


def _entropy_bits(labels: np.ndarray) -> float:
    """Shannon entropy in bits of the label distribution; 0.0 for an empty array."""
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(-np.sum(p * np.log2(p)))


def information_gain(y: np.ndarray, left_mask: np.ndarray) -> float:
    """Entropy of y minus the size-weighted entropy of y[left_mask] and y[~left_mask], in bits."""
    y = np.asarray(y)
    mask = np.asarray(left_mask, dtype=bool)
    n = y.size
    if n == 0:
        raise ValueError("y must not be empty")
    if mask.shape != y.shape:
        raise ValueError("left_mask must have the same shape as y")
    left, right = y[mask], y[~mask]
    if left.size == 0 or right.size == 0:
        return 0.0
    children = (left.size / n) * _entropy_bits(left) + (right.size / n) * _entropy_bits(right)
    return _entropy_bits(y) - children
