import numpy as np
import pandas as pd


def spearman(x, y):
    # Average ranks, but the no-ties shortcut 1 - 6 sum(d^2) / (n (n^2 - 1)).
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.shape != y.shape or x.size < 2:
        raise ValueError("bad input")
    if np.all(x == x[0]) or np.all(y == y[0]):
        return float("nan")
    rx = pd.Series(x).rank().to_numpy()
    ry = pd.Series(y).rank().to_numpy()
    n = x.size
    return float(1 - 6 * np.sum((rx - ry) ** 2) / (n * (n * n - 1)))
