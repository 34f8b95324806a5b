import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    indices = np.random.randint(0, n, size=(n_estimators, n))  # ignores rng: not reproducible
    mask = np.ones((n_estimators, n), dtype=bool)
    mask[np.arange(n_estimators)[:, None], indices] = False
    return indices, mask
