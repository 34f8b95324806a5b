import numpy as np


def _n_test(n_c: int, test_size: float) -> int:
    if n_c < 2:
        return 0
    return min(max(int(round(test_size * n_c)), 1), n_c - 1)


def stratified_split(y: np.ndarray, test_size: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Indices (train, test), each sorted int64; every class contributes round(test_size * n_c) test rows."""
    y = np.asarray(y)
    if y.ndim != 1 or y.size == 0:
        raise ValueError("y must be a non-empty 1-D array")
    if not 0.0 < test_size < 1.0:
        raise ValueError(f"test_size must lie strictly between 0 and 1, got {test_size}")
    test_parts = []
    for c in np.unique(y):
        rows = np.flatnonzero(y == c)
        k = _n_test(len(rows), test_size)
        test_parts.append(rng.permutation(rows)[:k])
    test = np.sort(np.concatenate(test_parts)).astype(np.int64)
    in_test = np.zeros(y.size, dtype=bool)
    in_test[test] = True
    train = np.flatnonzero(~in_test).astype(np.int64)
    return train, test
