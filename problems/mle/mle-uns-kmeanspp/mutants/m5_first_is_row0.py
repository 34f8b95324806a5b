import numpy as np


def kmeanspp_init(X, k, rng):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    chosen = [0]  # the first centroid is always the first row instead of a uniform draw
    d2 = np.sum((X - X[0]) ** 2, axis=1)
    for _ in range(1, k):
        total = d2.sum()
        idx = int(rng.choice(n, p=d2 / total)) if total > 0 else int(rng.integers(n))
        chosen.append(idx)
        d2 = np.minimum(d2, np.sum((X - X[idx]) ** 2, axis=1))
    return X[chosen].copy()
