# breaks: percentile
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Uses the (1 - conf) and conf percentiles: 5th/95th for a 95% interval.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x[row])) for row in idx])
    lo, hi = np.percentile(stats, [100 * (1 - conf), 100 * conf])
    return float(lo), float(hi)
