import numpy as np


def sample_categorical(p: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """Return `size` category indices (int64 array) drawn from probabilities `p` by inverse CDF.

    Raise ValueError if p is empty, not 1-D, has a negative entry, or does not sum to 1 within 1e-8.
    """
    raise NotImplementedError
