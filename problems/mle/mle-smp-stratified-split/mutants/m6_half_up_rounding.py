# breaks: round-half-even (the test count per class is round(test_size * n_c), halves to even)
import numpy as np


def stratified_split(y, test_size, rng):
    # Rounds the per-class test count half up with int(x + 0.5): 2.5 gives 3, not 2.
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not 0.0 < test_size < 1.0:
        raise ValueError("test_size must lie strictly between 0 and 1")
    parts = []
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        n_c = len(rows)
        k = 0 if n_c < 2 else min(max(int(test_size * n_c + 0.5), 1), n_c - 1)
        parts.append(rng.permutation(rows)[:k])
    test = np.sort(np.concatenate(parts)).astype(np.int64)
    train = np.setdiff1d(np.arange(y.size), test).astype(np.int64)
    return train, test
