import numpy as np


def _gini(labels):
    if labels.size == 0:
        return 0.0
    _, counts = np.unique(labels, return_counts=True)
    p = counts / labels.size
    return 1.0 - float(np.sum(p ** 2))


def best_split(x, y):
    values = np.unique(x)
    parent = _gini(y)
    best_t, best_gain = None, 0.0
    for a, b in zip(values[:-1], values[1:]):
        t = (a + b) / 2.0
        # plain mean of the two child impurities, not weighted by child size
        gain = parent - 0.5 * (_gini(y[x <= t]) + _gini(y[x > t]))
        if gain > best_gain + 1e-12:
            best_t, best_gain = float(t), float(gain)
    return best_t, best_gain
