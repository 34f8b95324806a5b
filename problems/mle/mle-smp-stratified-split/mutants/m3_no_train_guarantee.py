import numpy as np


def stratified_split(y, test_size, rng):
    y = np.asarray(y)
    if y.size == 0 or not 0 < test_size < 1:
        raise ValueError("bad input")
    test = []
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        k = 0 if len(rows) == 1 else max(int(round(test_size * len(rows))), 1)  # no cap at n_c - 1
        test.extend(rng.permutation(rows)[:k].tolist())
    test = np.array(sorted(test), dtype=np.int64)
    return np.setdiff1d(np.arange(y.size), test).astype(np.int64), test
