import numpy as np


def best_split(x, y):
    # cumulative counts over sorted positions, but splits between equal x values are not skipped
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, codes = np.unique(y[order], return_inverse=True)
    onehot = np.eye(codes.max() + 1)[codes]
    n = x.size
    if n < 2:
        return None, 0.0
    left = np.cumsum(onehot, axis=0)[:-1]
    total = onehot.sum(axis=0)
    right = total - left
    nl = left.sum(axis=1)
    nr = right.sum(axis=1)
    gains = (1 - np.sum((total / n) ** 2)) - nl / n * (1 - np.sum((left / nl[:, None]) ** 2, axis=1)) \
        - nr / n * (1 - np.sum((right / nr[:, None]) ** 2, axis=1))
    i = int(np.argmax(gains))
    if gains[i] <= 1e-12:
        return None, 0.0
    return float((xs[i] + xs[i + 1]) / 2), float(gains[i])
