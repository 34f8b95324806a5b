import math

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    # Correct, but a pure-Python double loop over all (test, train) pairs: too slow for the large case.
    n = len(X_train)
    if k < 1 or k > n:
        raise ValueError("bad k")
    tr = X_train.tolist()
    labels = y_train.tolist()
    out = []
    for a in X_test.tolist():
        dists = []
        for j, b in enumerate(tr):
            dists.append((math.dist(a, b), j))
        dists.sort()
        counts = {}
        for _, j in dists[:k]:
            counts[labels[j]] = counts.get(labels[j], 0) + 1
        best = max(counts.values())
        out.append(min(lab for lab, c in counts.items() if c == best))
    return np.array(out, dtype=y_train.dtype)
