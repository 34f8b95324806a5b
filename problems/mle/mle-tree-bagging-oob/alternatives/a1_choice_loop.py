import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    # One estimator at a time with rng.choice, the out-of-bag mask from np.isin.
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    indices = np.empty((n_estimators, n), dtype=np.int64)
    mask = np.empty((n_estimators, n), dtype=bool)
    everyone = np.arange(n)
    for b in range(n_estimators):
        idx = rng.choice(n, size=n, replace=True)
        indices[b] = idx
        mask[b] = ~np.isin(everyone, idx)
    return indices, mask
