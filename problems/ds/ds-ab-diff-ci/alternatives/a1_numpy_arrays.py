import numpy as np
from statistics import NormalDist


def diff_ci(x_c, n_c, x_t, n_t, conf=0.95):
    # Both arms as arrays: rates and per-arm variances of the rate, then one vectorised step.
    counts = np.array([x_c, x_t], dtype=np.float64)
    sizes = np.array([n_c, n_t], dtype=np.float64)
    if np.any(sizes < 1) or np.any(counts < 0) or np.any(counts > sizes):
        raise ValueError("invalid counts")
    if conf <= 0 or conf >= 1:
        raise ValueError("invalid conf")
    rates = counts / sizes
    var_of_rate = rates * (1 - rates) / sizes
    diff = rates[1] - rates[0]
    half = NormalDist().inv_cdf(0.5 + conf / 2) * np.sqrt(var_of_rate.sum())
    return (float(diff), float(diff - half), float(diff + half))
