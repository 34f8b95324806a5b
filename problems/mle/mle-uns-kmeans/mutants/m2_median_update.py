import numpy as np


def _assign(X, C):
    d2 = np.sum((X[:, None, :] - C[None, :, :]) ** 2, axis=2)
    labels = np.argmin(d2, axis=1).astype(np.int64)
    return labels, d2[np.arange(X.shape[0]), labels]


def kmeans(X, init, n_iter=100):
    C = np.array(init, dtype=np.float64, copy=True)
    prev = None
    for _ in range(n_iter):
        labels, _ = _assign(X, C)
        if prev is not None and np.array_equal(labels, prev):
            break
        for j in range(C.shape[0]):
            members = X[labels == j]
            if len(members):
                C[j] = np.median(members, axis=0)  # median instead of mean
        prev = labels
    labels, d2 = _assign(X, C)
    return C, labels, float(d2.sum())
