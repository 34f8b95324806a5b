# breaks: n-boot
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Adds the statistic of the original sample to the n_boot bootstrap statistics.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x))] + [float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
