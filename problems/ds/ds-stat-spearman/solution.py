import numpy as np


def _average_ranks(v: np.ndarray) -> np.ndarray:
    # Rank of a value = (number of smaller values) + (size of its tie group + 1) / 2.
    _, inverse, counts = np.unique(v, return_inverse=True, return_counts=True)
    smaller = np.cumsum(counts) - counts
    return (smaller + (counts + 1) / 2.0)[inverse]


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Pearson correlation of the average ranks of x and y; NaN when either input is constant."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError("x and y must be 1-D arrays of the same length")
    if x.size < 2:
        raise ValueError("need at least two observations")
    rx = _average_ranks(x)
    ry = _average_ranks(y)
    dx = rx - rx.mean()
    dy = ry - ry.mean()
    sxx, syy = np.dot(dx, dx), np.dot(dy, dy)
    if sxx == 0 or syy == 0:
        return float("nan")
    return float(np.dot(dx, dy) / np.sqrt(sxx * syy))
