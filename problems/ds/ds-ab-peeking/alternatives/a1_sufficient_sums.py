from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims, looks, n_per_look, alpha, rng):
    # Only the per-look sums matter: the sum of n_per_look standard normals is N(0, n_per_look), so
    # draw each look's increment of sum(treatment) - sum(control) directly as N(0, 2 * n_per_look).
    for v in (n_sims, looks, n_per_look):
        if v != int(v) or v < 1:
            raise ValueError("n_sims, looks and n_per_look must be positive integers")
    if not (0 < alpha < 1):
        raise ValueError("alpha must be in (0, 1)")
    inc = rng.normal(0.0, np.sqrt(2.0 * n_per_look), size=(int(n_sims), int(looks)))
    diff_of_sums = np.cumsum(inc, axis=1)
    m = n_per_look * np.arange(1, int(looks) + 1)
    # z = (mean_t - mean_c) / sqrt(2 / m) = diff_of_sums / m / sqrt(2 / m) = diff_of_sums / sqrt(2 m)
    z = diff_of_sums / np.sqrt(2.0 * m)
    crit = NormalDist().inv_cdf(1 - alpha / 2)
    return float(np.mean((np.abs(z) > crit).any(axis=1)))
