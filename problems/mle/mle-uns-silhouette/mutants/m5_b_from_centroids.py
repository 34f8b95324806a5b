import numpy as np


def silhouette(X, labels):
    X = np.asarray(X, dtype=np.float64)
    labels = np.asarray(labels)
    n = len(X)
    uniq = np.unique(labels)
    if not 2 <= len(uniq) <= n - 1:
        raise ValueError("bad number of clusters")
    dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    cents = {c: X[labels == c].mean(axis=0) for c in uniq}
    s = np.zeros(n)
    for i in range(n):
        own = labels == labels[i]
        if own.sum() == 1:
            continue
        a = dist[i, own].sum() / (own.sum() - 1)
        # b from the distance to the nearest other centroid instead of the mean distance to its points
        b = min(np.linalg.norm(X[i] - cents[c]) for c in uniq if c != labels[i])
        m = max(a, b)
        s[i] = (b - a) / m if m > 0 else 0.0
    return float(s.mean())
