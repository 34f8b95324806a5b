# breaks: share
import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Reports the probability rounded to two decimals, so it is no longer a share k / draws.
    for x, n in ((x_a, n_a), (x_b, n_b)):
        if x < 0 or n < 0 or x > n:
            raise ValueError("invalid counts")
    if draws < 1:
        raise ValueError("draws must be at least 1")
    a0, b0 = prior
    pa = rng.beta(a0 + x_a, b0 + n_a - x_a, size=draws)
    pb = rng.beta(a0 + x_b, b0 + n_b - x_b, size=draws)
    return round(float(np.mean(pb > pa)), 2)
