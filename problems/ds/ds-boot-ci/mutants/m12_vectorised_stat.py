# breaks: stat-call
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Calls stat once on the whole (n_boot, n) matrix with axis=1, which np.mean accepts.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.asarray(stat(x[idx], axis=1), dtype=float)
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
