# breaks: n-boot-raises
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Checks x and conf but not n_boot.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if not 0 < conf < 1:
        raise ValueError("conf must lie strictly between 0 and 1")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
