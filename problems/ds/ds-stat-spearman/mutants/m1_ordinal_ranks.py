import numpy as np


def spearman(x, y):
    # Ties broken by position (argsort of argsort) instead of average ranks.
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape or x.size < 2:
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    rx = np.argsort(np.argsort(x, kind="stable")) + 1.0
    ry = np.argsort(np.argsort(y, kind="stable")) + 1.0
    return float(np.corrcoef(rx, ry)[0, 1])
