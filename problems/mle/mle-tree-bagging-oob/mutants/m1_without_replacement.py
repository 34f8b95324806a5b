import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    indices = np.array([rng.permutation(n) for _ in range(n_estimators)], dtype=np.int64).reshape(n_estimators, n)
    mask = np.ones((n_estimators, n), dtype=bool)
    for b in range(n_estimators):
        mask[b, indices[b]] = False
    return indices, mask
