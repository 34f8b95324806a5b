import numpy as np


def dropout(x, p, rng, training=True):
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be in [0, 1]")
    if not training:
        return x.copy(), np.ones(x.shape, dtype=bool)
    mask = rng.random(x.shape) >= p
    return np.where(mask, x * (1.0 - p), 0.0), mask  # scales kept units by (1 - p)
