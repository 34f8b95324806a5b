from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims: int, looks: int, n_per_look: int, alpha: float, rng: np.random.Generator) -> float:
    """Share of simulated A/A tests that a two-sided z-test rejects at one or more of `looks` interim looks."""
    if int(n_sims) != n_sims or n_sims < 1:
        raise ValueError("n_sims must be a positive integer")
    if int(looks) != looks or looks < 1:
        raise ValueError("looks must be a positive integer")
    if int(n_per_look) != n_per_look or n_per_look < 1:
        raise ValueError("n_per_look must be a positive integer")
    if not 0.0 < alpha < 1.0:
        raise ValueError("alpha must lie strictly between 0 and 1")
    n_sims, looks, n_per_look = int(n_sims), int(looks), int(n_per_look)
    z_crit = NormalDist().inv_cdf(1.0 - alpha / 2.0)
    sizes = n_per_look * np.arange(1, looks + 1)          # cumulative users per arm at each look
    se = np.sqrt(2.0 / sizes)                              # known variance 1 in both arms
    chunk = max(1, 2_000_000 // (looks * n_per_look))      # bound the memory of one batch
    rejected = 0
    for start in range(0, n_sims, chunk):
        m = min(chunk, n_sims - start)
        a = rng.standard_normal((m, looks, n_per_look))    # control
        b = rng.standard_normal((m, looks, n_per_look))    # treatment
        diff_sums = np.cumsum(b.sum(axis=2) - a.sum(axis=2), axis=1)
        z = diff_sums / sizes / se
        rejected += int(np.count_nonzero(np.any(np.abs(z) > z_crit, axis=1)))
    return rejected / n_sims
