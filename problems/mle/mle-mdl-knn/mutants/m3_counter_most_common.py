from collections import Counter

import numpy as np


def knn_predict(X_train, y_train, X_test, k):
    # Counter.most_common breaks vote ties by first appearance, i.e. in favour of the nearest label.
    n = X_train.shape[0]
    if k < 1 or k > n:
        raise ValueError("bad k")
    d2 = (np.sum(X_test ** 2, axis=1)[:, None] + np.sum(X_train ** 2, axis=1)[None, :]
          - 2.0 * X_test @ X_train.T)
    part = np.argpartition(d2, k - 1, axis=1)[:, :k]
    idx = np.take_along_axis(part, np.argsort(np.take_along_axis(d2, part, axis=1), axis=1, kind="stable"), axis=1)
    return np.array([Counter(row).most_common(1)[0][0] for row in y_train[idx].tolist()],
                    dtype=y_train.dtype)
