import numpy as np


def _assign(X: np.ndarray, C: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest centroid (lowest index on ties) and the squared distance to it, for every row of X."""
    d2 = np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)
    labels = np.argmin(d2, axis=1).astype(np.int64)  # argmin returns the first minimum
    return labels, d2[np.arange(X.shape[0]), labels]


def kmeans(X: np.ndarray, init: np.ndarray, n_iter: int = 100) -> tuple[np.ndarray, np.ndarray, float]:
    """Lloyd's k-means started at `init`; returns (centroids, labels, inertia)."""
    C = np.array(init, dtype=np.float64, copy=True)
    k = C.shape[0]
    prev = None
    for _ in range(n_iter):
        labels, _ = _assign(X, C)
        if prev is not None and np.array_equal(labels, prev):
            break
        for j in range(k):
            members = X[labels == j]
            if len(members):
                C[j] = members.mean(axis=0)
        prev = labels
    labels, d2 = _assign(X, C)
    return C, labels, float(d2.sum())
