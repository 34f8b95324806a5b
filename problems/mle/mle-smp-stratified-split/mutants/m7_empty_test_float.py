# breaks: int64-output (train_idx and test_idx are int64 arrays, also when one of them is empty)
import numpy as np


def stratified_split(y, test_size, rng):
    # Collects the test rows in a Python list: with no test row, np.array([]) is float64.
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not 0.0 < test_size < 1.0:
        raise ValueError("test_size must lie strictly between 0 and 1")
    test = []
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        n_c = len(rows)
        k = 0 if n_c < 2 else min(max(round(test_size * n_c), 1), n_c - 1)
        test.extend(rng.permutation(rows)[:k].tolist())
    test = np.array(sorted(test))
    train = np.array([i for i in range(y.size) if i not in set(test.tolist())])
    return train, test
