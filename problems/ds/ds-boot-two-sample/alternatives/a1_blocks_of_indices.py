import numpy as np


def bootstrap_diff_ci(a, b, stat, n_boot, conf, rng):
    # All indices of each group drawn up front; the statistic applied row by row; np.quantile at the end.
    a = np.array(a, copy=True)
    b = np.array(b, copy=True)
    if len(a) == 0 or len(b) == 0 or n_boot < 1 or not (0.0 < conf < 1.0):
        raise ValueError("invalid arguments")
    ia = rng.integers(0, len(a), size=(n_boot, len(a)))
    ib = rng.integers(0, len(b), size=(n_boot, len(b)))
    sa = np.array([stat(row) for row in a[ia]], dtype=float)
    sb = np.array([stat(row) for row in b[ib]], dtype=float)
    tail = (1.0 - conf) / 2.0
    d = sb - sa
    return float(np.quantile(d, tail)), float(np.quantile(d, 1.0 - tail))
