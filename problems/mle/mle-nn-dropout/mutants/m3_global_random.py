import numpy as np


def dropout(x, p, rng, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be in [0, 1]")
    if not training:
        return x.copy(), np.ones(x.shape, dtype=bool)
    if p == 1.0:
        return np.zeros(x.shape), np.zeros(x.shape, dtype=bool)
    mask = np.random.random(x.shape) >= p  # global NumPy state instead of the rng argument
    return np.where(mask, x / (1.0 - p), 0.0), mask
