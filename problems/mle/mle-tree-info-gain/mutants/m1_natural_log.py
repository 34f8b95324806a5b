import numpy as np


def _entropy(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return float(-np.sum(p * np.log(p)))  # nats instead of bits


def information_gain(y, left_mask):
    if y.size == 0:
        raise ValueError("empty")
    mask = left_mask.astype(bool)
    left, right = y[mask], y[~mask]
    if left.size == 0 or right.size == 0:
        return 0.0
    n = y.size
    return _entropy(y) - left.size / n * _entropy(left) - right.size / n * _entropy(right)
