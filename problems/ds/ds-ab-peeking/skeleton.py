from statistics import NormalDist

import numpy as np


def peeking_fpr(n_sims: int, looks: int, n_per_look: int, alpha: float,
                rng: np.random.Generator) -> float:
    """Share of n_sims simulated A/A tests rejected at one or more of `looks` cumulative looks.

    Each arm gets looks * n_per_look N(0, 1) observations; look k tests the first k * n_per_look of
    each arm with a two-sided z-test (known variance 1) at level alpha. All randomness from rng.
    Raises ValueError for n_sims, looks or n_per_look below 1, or alpha outside (0, 1).
    """
    raise NotImplementedError
