import numpy as np


def kmeans(X, init, n_iter=100):
    # Plain Python loops over points and centroids; the loop ends early when labels repeat.
    pts = [[float(v) for v in row] for row in np.asarray(X)]
    cents = [[float(v) for v in row] for row in np.asarray(init)]
    k, d = len(cents), len(cents[0])

    def nearest(p):
        best_j, best_d = 0, None
        for j, c in enumerate(cents):
            dist = sum((p[t] - c[t]) ** 2 for t in range(d))
            if best_d is None or dist < best_d:  # strict '<' keeps the lowest index on ties
                best_j, best_d = j, dist
        return best_j, best_d

    prev = None
    for _ in range(n_iter):
        labels = [nearest(p)[0] for p in pts]
        if labels == prev:
            break
        sums = [[0.0] * d for _ in range(k)]
        counts = [0] * k
        for p, lab in zip(pts, labels):
            counts[lab] += 1
            for t in range(d):
                sums[lab][t] += p[t]
        for j in range(k):
            if counts[j]:
                cents[j] = [s / counts[j] for s in sums[j]]
        prev = labels
    final = [nearest(p) for p in pts]
    return (np.array(cents, dtype=np.float64), np.array([f[0] for f in final], dtype=np.int64),
            float(sum(f[1] for f in final)))
