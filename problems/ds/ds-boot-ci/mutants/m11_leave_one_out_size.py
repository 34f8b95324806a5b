# breaks: resample-size
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Confuses the bootstrap with the jackknife: resamples of n - 1 values.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, max(n - 1, 1)))
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
