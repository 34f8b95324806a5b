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
    cluster = 0
    for i in range(n):
        if labels[i] != -1 or not core[i]:
            continue
        labels[i] = cluster
        queue = deque([i])
        while queue:
            p = queue.popleft()
            for q in neighbours[p]:
                if labels[q] == -1 and core[q]:  # only core points join: border points stay noise
                    labels[q] = cluster
                    queue.append(q)
        cluster += 1
    return labels
