# breaks: conf-raises
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Checks x and n_boot but not conf (np.percentile refuses some bad values, not 0 or 1).
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0 or n_boot < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
