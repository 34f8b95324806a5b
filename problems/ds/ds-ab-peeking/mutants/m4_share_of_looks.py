from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims, looks, n_per_look, alpha, rng):
    # Returns the share of all (simulation, look) tests that reject, not the share of simulations
    # that reject at any look.
    if n_sims < 1 or looks < 1 or n_per_look < 1 or not 0 < alpha < 1:
        raise ValueError("bad arguments")
    a = rng.standard_normal((n_sims, looks * n_per_look))
    b = rng.standard_normal((n_sims, looks * n_per_look))
    m = n_per_look * np.arange(1, looks + 1)
    ca = np.cumsum(a, axis=1)[:, m - 1]
    cb = np.cumsum(b, axis=1)[:, m - 1]
    z = (cb - ca) / m / np.sqrt(2.0 / m)
    return float(np.mean(np.abs(z) > NormalDist().inv_cdf(1 - alpha / 2)))
