import numpy as np


def prob_b_beats_a(x_a: int, n_a: int, x_b: int, n_b: int, draws: int, rng: np.random.Generator,
                   prior: tuple = (1, 1)) -> float:
    """Monte Carlo estimate of P(rate_B > rate_A) under Beta(prior_a + x, prior_b + n - x) posteriors."""
    for x, n in ((x_a, n_a), (x_b, n_b)):
        if x < 0 or n < 0:
            raise ValueError("counts must not be negative")
        if x > n:
            raise ValueError("conversions cannot exceed visitors")
    if draws < 1:
        raise ValueError("draws must be at least 1")
    alpha, beta = prior
    pa = rng.beta(alpha + x_a, beta + n_a - x_a, size=draws)
    pb = rng.beta(alpha + x_b, beta + n_b - x_b, size=draws)
    return float(np.mean(pb > pa))
