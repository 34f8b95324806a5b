import numpy as np


def prob_b_beats_a(x_a: int, n_a: int, x_b: int, n_b: int, draws: int,
                   rng: np.random.Generator, prior: tuple = (1, 1)) -> float:
    """Monte Carlo estimate of P(rate_B > rate_A) under the model of the task, drawing only from rng."""
    raise NotImplementedError
