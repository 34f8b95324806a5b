import numpy as np


def silhouette(X: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette coefficient (Euclidean); points in singleton clusters score 0."""
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    n = X.shape[0]
    uniq, codes = np.unique(labels, return_inverse=True)
    k = len(uniq)
    if not 2 <= k <= n - 1:
        raise ValueError("the number of clusters must be between 2 and n - 1")
    diff = X[:, None, :] - X[None, :, :]
    dist = np.sqrt(np.sum(diff * diff, axis=2))
    onehot = np.zeros((n, k))
    onehot[np.arange(n), codes] = 1.0
    sizes = onehot.sum(axis=0)
    sums = dist @ onehot                       # (n, k): total distance from each point to each cluster
    own = sizes[codes]
    a = np.where(own > 1, sums[np.arange(n), codes] / np.maximum(own - 1, 1), 0.0)
    means = sums / sizes
    means[np.arange(n), codes] = np.inf
    b = means.min(axis=1)
    denom = np.maximum(a, b)
    s = np.where(denom > 0, (b - a) / np.where(denom > 0, denom, 1.0), 0.0)
    s[own == 1] = 0.0                          # singleton clusters score 0
    return float(s.mean())
