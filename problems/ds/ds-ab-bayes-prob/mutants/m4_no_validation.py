# breaks: x-above-n-raises
import numpy as np


def prob_b_beats_a(x_a, n_a, x_b, n_b, draws, rng, prior=(1, 1)):
    # Correct estimate, but x > n is not rejected (and fails only when a Beta parameter becomes <= 0).
    a0, b0 = prior
    pa = rng.beta(a0 + x_a, b0 + n_a - x_a, size=draws)
    pb = rng.beta(a0 + x_b, b0 + n_b - x_b, size=draws)
    return float(np.mean(pb > pa))
