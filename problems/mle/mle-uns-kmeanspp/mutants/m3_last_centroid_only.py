import numpy as np


def kmeanspp_init(X, k, rng):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    chosen = [int(rng.integers(n))]
    for _ in range(1, k):
        d2 = np.sum((X - X[chosen[-1]]) ** 2, axis=1)  # distance to the last centroid, not the nearest
        total = d2.sum()
        idx = int(rng.choice(n, p=d2 / total)) if total > 0 else int(rng.integers(n))
        chosen.append(idx)
    return X[chosen].copy()
