import numpy as np


def reservoir_sample(iterable, k: int, rng: np.random.Generator) -> list:
    """Pick k items uniformly at random from `iterable` in one pass (Algorithm R).

    Item i >= k (0-based) replaces slot j when j, drawn uniformly from 0..i with rng, is below k.
    A stream with at most k items returns all of them in order. Raises ValueError if k < 0.
    """
    raise NotImplementedError
