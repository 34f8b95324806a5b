import numpy as np


def best_split(x, y):
    order = np.argsort(x, kind="stable")
    y = y[order]
    x.sort()  # sorts the caller's array in place
    n = x.size
    classes = np.unique(y)
    total = np.array([np.sum(y == c) for c in classes], dtype=float)
    parent = 1 - np.sum((total / n) ** 2)
    best_t, best_gain = None, 0.0
    left = np.zeros_like(total)
    for i in range(n - 1):
        left[np.searchsorted(classes, y[i])] += 1
        if x[i] == x[i + 1]:
            continue
        right = total - left
        nl, nr = i + 1, n - i - 1
        gain = parent - nl / n * (1 - np.sum((left / nl) ** 2)) - nr / n * (1 - np.sum((right / nr) ** 2))
        if gain > best_gain + 1e-12:
            best_t, best_gain = float((x[i] + x[i + 1]) / 2), float(gain)
    return best_t, best_gain
