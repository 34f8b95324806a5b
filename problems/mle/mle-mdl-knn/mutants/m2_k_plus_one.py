import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    # Off by one: votes with k + 1 neighbours.
    n = X_train.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    d2 = (np.sum(X_test ** 2, axis=1)[:, None] + np.sum(X_train ** 2, axis=1)[None, :]
          - 2.0 * X_test @ X_train.T)
    idx = np.argpartition(d2, k, axis=1)[:, :k + 1] if k < n else np.arange(n)[None, :].repeat(len(d2), 0)
    labels, codes = np.unique(y_train, return_inverse=True)
    votes = np.zeros((X_test.shape[0], labels.size), dtype=np.int64)
    np.add.at(votes, (np.arange(X_test.shape[0])[:, None], codes[idx]), 1)
    return labels[np.argmax(votes, axis=1)]
