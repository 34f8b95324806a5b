import numpy as np


def stratified_split(y, test_size, rng):
    # One global shuffle, then a stable sort by label: every class becomes a contiguous, shuffled block;
    # the first round(test_size * n_c) rows of each block go to the test set.
    y = np.asarray(y)
    if y.ndim != 1 or len(y) == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not (test_size > 0 and test_size < 1):
        raise ValueError("test_size must be in (0, 1)")
    perm = rng.permutation(len(y))
    order = perm[np.argsort(y[perm], kind="stable")]
    _, starts, counts = np.unique(y[order], return_index=True, return_counts=True)
    test = []
    for s, n_c in zip(starts, counts):
        k = 0 if n_c == 1 else min(max(round(test_size * n_c), 1), n_c - 1)
        test.extend(order[s:s + k].tolist())
    test = np.array(sorted(test), dtype=np.int64)
    train = np.setdiff1d(np.arange(len(y)), test).astype(np.int64)
    return train, test
