import numpy as np


def stratified_split(y, test_size, rng):
    y = np.asarray(y)
    if y.size == 0 or not 0 < test_size < 1:
        raise ValueError("bad input")
    train, test = [], []
    for c in np.unique(y):
        rows = rng.permutation(np.flatnonzero(y == c))
        k = 0 if len(rows) == 1 else min(max(int(round(test_size * len(rows))), 1), len(rows) - 1)
        test.extend(rows[:k].tolist())
        train.extend(rows[k:].tolist())
    return np.array(train, dtype=np.int64), np.array(test, dtype=np.int64)  # class by class, shuffled: not sorted
