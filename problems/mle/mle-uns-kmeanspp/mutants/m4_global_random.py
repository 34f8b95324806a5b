import numpy as np


def kmeanspp_init(X, k, rng):
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    chosen = [int(np.random.randint(n))]  # the global NumPy state instead of rng
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)
    for _ in range(1, k):
        total = d2.sum()
        idx = int(np.random.choice(n, p=d2 / total)) if total > 0 else int(np.random.randint(n))
        chosen.append(idx)
        d2 = np.minimum(d2, np.sum((X - X[idx]) ** 2, axis=1))
    return X[chosen].copy()
