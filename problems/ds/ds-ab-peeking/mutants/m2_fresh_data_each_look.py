from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims, looks, n_per_look, alpha, rng):
    # Each look tests only the new batch of n_per_look users instead of all users so far.
    if n_sims < 1 or looks < 1 or n_per_look < 1 or not 0 < alpha < 1:
        raise ValueError("bad arguments")
    crit = NormalDist().inv_cdf(1 - alpha / 2)
    any_reject = np.zeros(n_sims, dtype=bool)
    for _ in range(looks):
        a = rng.standard_normal((n_sims, n_per_look))
        b = rng.standard_normal((n_sims, n_per_look))
        z = (b.mean(axis=1) - a.mean(axis=1)) / np.sqrt(2.0 / n_per_look)
        any_reject |= np.abs(z) > crit
    return float(any_reject.mean())
