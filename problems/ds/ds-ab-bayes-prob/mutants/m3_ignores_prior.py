# breaks: prior
import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Always uses the uniform Beta(1, 1) prior.
    if x_a < 0 or x_b < 0 or x_a > n_a or x_b > n_b or draws < 1:
        raise ValueError("invalid arguments")
    pa = rng.beta(1 + x_a, 1 + n_a - x_a, size=draws)
    pb = rng.beta(1 + x_b, 1 + n_b - x_b, size=draws)
    return float(np.mean(pb > pa))
