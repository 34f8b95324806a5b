import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    idx = rng.integers(0, n, size=n)
    indices = np.tile(idx, (n_estimators, 1))  # the same bootstrap sample for every estimator
    mask = np.ones((n_estimators, n), dtype=bool)
    mask[:, idx] = False
    return indices, mask
