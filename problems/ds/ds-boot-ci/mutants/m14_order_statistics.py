# breaks: percentile
import numpy as np


def bootstrap_ci(x, stat, n_boot, conf, rng):
    # Sorts the statistics and takes order statistics by index, without interpolation.
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1 or not 0 < conf < 1:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.sort([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo = stats[int(alpha / 2 * (n_boot - 1))]
    hi = stats[int((1 - alpha / 2) * (n_boot - 1))]
    return float(lo), float(hi)
