from collections import deque

import numpy as np


def dbscan(X: np.ndarray, eps: float, min_samples: int) -> np.ndarray:
    """DBSCAN labels (int64, noise = -1); clusters numbered in the order they are found scanning by index."""
    if not eps > 0:
        raise ValueError("eps must be positive")
    if min_samples < 1:
        raise ValueError("min_samples must be at least 1")
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    d2 = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in d2]  # includes the point itself
    core = np.array([len(nb) >= min_samples for nb in neighbours], dtype=bool)
    labels = np.full(n, -1, dtype=np.int64)
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        queue = deque([i])
        while queue:
            p = queue.popleft()
            if not core[p]:
                continue  # border point: joins the cluster but does not expand it
            for q in neighbours[p]:
                if labels[q] == -1:
                    labels[q] = cluster
                    queue.append(q)
        cluster += 1
    return labels
