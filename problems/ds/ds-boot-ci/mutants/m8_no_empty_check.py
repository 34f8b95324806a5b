# breaks: empty-raises
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Draws indices as floor(u * n); never checks for an empty sample (which then gives NaN bounds).
    x = np.asarray(x)
    n = x.shape[0]
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = (rng.random((n_boot, n)) * n).astype(np.int64)
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
