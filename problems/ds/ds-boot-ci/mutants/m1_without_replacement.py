# breaks: with-replacement
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    stats = np.array([float(stat(rng.permutation(x))) for _ in range(n_boot)])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
