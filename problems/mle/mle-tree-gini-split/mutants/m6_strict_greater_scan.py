# breaks: ties-smallest-threshold (gains within 1e-12 of the largest count as tied; the smallest threshold wins)
import numpy as np


def _gini(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return 1.0 - float(np.sum(p ** 2))


def best_split(x, y):
    # Scans the thresholds in increasing order and keeps a new one only if its gain is strictly
    # larger: a tie whose later gain is larger by rounding moves to the later threshold.
    values = np.unique(x)
    n = x.size
    parent = _gini(y)
    best_t, best_gain = None, 1e-12
    for a, b in zip(values[:-1], values[1:]):
        t = (a + b) / 2.0
        left, right = y[x <= t], y[x > t]
        gain = parent - left.size / n * _gini(left) - right.size / n * _gini(right)
        if gain > best_gain:
            best_t, best_gain = float(t), float(gain)
    return (best_t, best_gain) if best_t is not None else (None, 0.0)
