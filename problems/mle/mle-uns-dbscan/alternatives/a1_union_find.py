import numpy as np


def dbscan(X, eps, min_samples):
    # Union-find over core points, then border points, then renumbering by discovery order.
    if not eps > 0 or min_samples < 1:
        raise ValueError("need eps > 0 and min_samples >= 1")
    X = np.asarray(X, dtype=np.float64)
    n = len(X)
    dist = np.sqrt(np.maximum(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1), 0.0))
    adj = dist <= eps
    core = adj.sum(axis=1) >= min_samples
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    core_idx = np.flatnonzero(core)
    for i in core_idx:
        for j in core_idx[adj[i, core_idx]]:
            ri, rj = find(int(i)), find(int(j))
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)  # the root is the smallest core index
    root_ids = sorted({find(int(i)) for i in core_idx})
    number = {r: c for c, r in enumerate(root_ids)}  # clusters in order of their first core point
    labels = np.full(n, -1, dtype=np.int64)
    for i in core_idx:
        labels[i] = number[find(int(i))]
    for i in np.flatnonzero(~core):
        near = [labels[j] for j in core_idx[adj[i, core_idx]]]
        if near:
            labels[i] = min(near)  # the cluster found first reaches it first
    return labels
