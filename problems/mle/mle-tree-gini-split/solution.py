from typing import Optional

import numpy as np

TIE_TOL = 1e-12


def best_split(x: np.ndarray, y: np.ndarray) -> tuple[Optional[float], float]:
    """Best midpoint threshold on x by Gini gain; (None, 0.0) when no split has a positive gain."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y)
    n = x.size
    order = np.argsort(x, kind="stable")
    xs = x[order]
    _, codes = np.unique(y[order], return_inverse=True)
    onehot = np.eye(codes.max() + 1 if n else 1)[codes]          # (n, C)
    left_counts = np.cumsum(onehot, axis=0)[:-1]                   # left side = first i+1 sorted samples
    total = onehot.sum(axis=0)
    right_counts = total - left_counts
    valid = xs[1:] > xs[:-1]                                       # only between distinct values
    if not np.any(valid):
        return None, 0.0
    left_counts, right_counts = left_counts[valid], right_counts[valid]
    thresholds = (xs[:-1][valid] + xs[1:][valid]) / 2.0
    n_left = left_counts.sum(axis=1)
    n_right = right_counts.sum(axis=1)
    gini_left = 1.0 - np.sum((left_counts / n_left[:, None]) ** 2, axis=1)
    gini_right = 1.0 - np.sum((right_counts / n_right[:, None]) ** 2, axis=1)
    gini_parent = 1.0 - np.sum((total / n) ** 2)
    gains = gini_parent - (n_left / n) * gini_left - (n_right / n) * gini_right
    best = gains.max()
    if best <= TIE_TOL:
        return None, 0.0
    i = int(np.flatnonzero(gains >= best - TIE_TOL)[0])            # thresholds are increasing
    return float(thresholds[i]), float(gains[i])
