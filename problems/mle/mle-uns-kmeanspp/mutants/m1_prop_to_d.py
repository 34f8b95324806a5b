import numpy as np


def kmeanspp_init(X, k, rng):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    chosen = [int(rng.integers(n))]
    d = np.sqrt(np.sum((X - X[chosen[0]]) ** 2, axis=1))  # plain distance, not squared
    for _ in range(1, k):
        total = d.sum()
        idx = int(rng.choice(n, p=d / total)) if total > 0 else int(rng.integers(n))
        chosen.append(idx)
        d = np.minimum(d, np.sqrt(np.sum((X - X[idx]) ** 2, axis=1)))
    return X[chosen].copy()
