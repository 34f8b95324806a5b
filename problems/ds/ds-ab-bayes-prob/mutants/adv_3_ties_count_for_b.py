# breaks: strictly-greater
# adversary: breaks "with p_B[i] > p_A[i] (strictly greater)"
# class: 2
import numpy as np


def prob_b_beats_a(x_a: int, n_a: int, x_b: int, n_b: int, draws: int,
                   rng: np.random.Generator, prior: tuple = (1, 1)) -> float:
    """Monte Carlo P(rate_B >= rate_A): ties (e.g. both draws underflow to 0.0) counted as B wins."""
    for v in (x_a, n_a, x_b, n_b):
        if v < 0:
            raise ValueError("counts must be non-negative")
    if x_a > n_a or x_b > n_b:
        raise ValueError("conversions cannot exceed visitors")
    if draws < 1:
        raise ValueError("draws must be >= 1")
    alpha, beta = prior
    p_a = rng.beta(alpha + x_a, beta + n_a - x_a, size=draws)
    p_b = rng.beta(alpha + x_b, beta + n_b - x_b, size=draws)
    return float(np.count_nonzero(p_b >= p_a) / draws)
