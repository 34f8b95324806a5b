import numpy as np


def reservoir_sample(iterable, k: int, rng: np.random.Generator) -> list:
    """Return k items of iterable chosen uniformly at random without replacement, in one pass."""
    raise NotImplementedError
