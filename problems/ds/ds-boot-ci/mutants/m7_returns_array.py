# breaks: float-pair
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Returns np.percentile's array of two values instead of a tuple of two floats.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    return np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
