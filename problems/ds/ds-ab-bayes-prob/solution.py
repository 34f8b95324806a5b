import numpy as np


def _check(x, n, name):
    if int(n) != n or int(x) != x or n < 0 or x < 0 or x > n:
        raise ValueError(f"{name}: need integers with 0 <= x <= n")


def prob_b_beats_a(x_a: int, n_a: int, x_b: int, n_b: int, draws: int, rng: np.random.Generator,
                   prior: tuple = (1, 1)) -> float:
    """Monte Carlo estimate of P(rate_B > rate_A) under Beta(prior_a + x, prior_b + n - x) posteriors."""
    _check(x_a, n_a, "group A")
    _check(x_b, n_b, "group B")
    if draws < 1:
        raise ValueError("draws must be at least 1")
    alpha, beta = prior
    if alpha <= 0 or beta <= 0:
        raise ValueError("prior parameters must be positive")
    pa = rng.beta(alpha + x_a, beta + n_a - x_a, size=draws)
    pb = rng.beta(alpha + x_b, beta + n_b - x_b, size=draws)
    return float(np.mean(pb > pa))
