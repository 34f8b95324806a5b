import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    # Full distance matrix, a stable argsort of every row, then a plain dict vote per test point.
    n = len(X_train)
    if not 1 <= k <= n:
        raise ValueError("bad k")
    cross = np.dot(X_test, X_train.T)
    d2 = (X_test * X_test).sum(1).reshape(-1, 1) - 2 * cross + (X_train * X_train).sum(1)
    order = np.argsort(d2, axis=1, kind="stable")[:, :k]
    out = np.empty(len(X_test), dtype=y_train.dtype)
    for i, row in enumerate(y_train[order].tolist()):
        counts = {}
        for lab in row:
            counts[lab] = counts.get(lab, 0) + 1
        best = max(counts.values())
        out[i] = min(lab for lab, c in counts.items() if c == best)
    return out
