import numpy as np


def perm_test(a: np.ndarray, b: np.ndarray, n_perm: int, rng: np.random.Generator) -> float:
    """Two-sided permutation test on |mean(a) - mean(b)|.

    Shuffle the pooled data n_perm times with `rng`, count permutations with a statistic at least as
    extreme as the observed one, and return (1 + count) / (n_perm + 1).
    """
    raise NotImplementedError
