import numpy as np


def _impurity(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(1.0 - np.sum(p ** 2))  # Gini impurity instead of entropy


def information_gain(y, left_mask):
    if y.size == 0:
        raise ValueError("empty")
    mask = left_mask.astype(bool)
    left, right = y[mask], y[~mask]
    if left.size == 0 or right.size == 0:
        return 0.0
    n = y.size
    return _impurity(y) - left.size / n * _impurity(left) - right.size / n * _impurity(right)
