import numpy as np


def kmeanspp_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """k-means++ seeding: k rows of X, the first uniform, each next one with probability ~ D^2."""
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1 or k > n:
        raise ValueError("k must be an integer with 1 <= k <= n")
    chosen = [int(rng.integers(n))]
    d2 = np.sum((X - X[chosen[0]]) ** 2, axis=1)  # squared distance to the nearest chosen centroid
    for _ in range(1, k):
        total = d2.sum()
        if total > 0:
            idx = int(rng.choice(n, p=d2 / total))
        else:  # every point coincides with a chosen centroid: uniform fallback
            idx = int(rng.integers(n))
        chosen.append(idx)
        d2 = np.minimum(d2, np.sum((X - X[idx]) ** 2, axis=1))
    return X[chosen].copy()
