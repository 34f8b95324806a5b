# breaks: posterior
import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Posterior parameters (x + 1, n + 1) instead of (x + 1, n - x + 1).
    if x_a < 0 or x_b < 0 or x_a > n_a or x_b > n_b or draws < 1:
        raise ValueError("invalid arguments")
    pa = rng.beta(x_a + 1, n_a + 1, size=draws)
    pb = rng.beta(x_b + 1, n_b + 1, size=draws)
    return float(np.mean(pb > pa))
