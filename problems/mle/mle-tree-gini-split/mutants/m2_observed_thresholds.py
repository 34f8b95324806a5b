import numpy as np


def _gini(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return 1.0 - float(np.sum(p ** 2))


def best_split(x, y):
    n = x.size
    parent = _gini(y)
    best_t, best_gain = None, 0.0
    for t in np.unique(x):  # thresholds at the observed values; the maximum leaves the right side empty
        left, right = y[x <= t], y[x > t]
        gain = parent - left.size / n * _gini(left) - right.size / n * _gini(right)
        if gain > best_gain + 1e-12:
            best_t, best_gain = float(t), float(gain)
    return best_t, best_gain
