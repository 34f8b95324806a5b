# breaks: draws-raises
import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Validates the counts but not draws: draws = 0 gives NaN with a warning instead of an error.
    for x, n in ((x_a, n_a), (x_b, n_b)):
        if x < 0 or n < 0 or x > n:
            raise ValueError("invalid counts")
    a0, b0 = prior
    pa = rng.beta(a0 + x_a, b0 + n_a - x_a, size=draws)
    pb = rng.beta(a0 + x_b, b0 + n_b - x_b, size=draws)
    return float(np.mean(pb > pa))
