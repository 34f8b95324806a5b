import numpy as np


def knn_predict(X_train: np.ndarray, y_train: np.ndarray, X_test: np.ndarray, k: int) -> np.ndarray:
    """Majority vote of the k nearest training points (Euclidean distance), vectorised.

    Distance ties at the k-th place: the lower training index is taken first.
    Vote ties: the smallest tied label wins.
    """
    n = X_train.shape[0]
    if k < 1 or k > n:
        raise ValueError("k must be between 1 and the number of training points")
    X_train = np.asarray(X_train, dtype=np.float64)
    X_test = np.asarray(X_test, dtype=np.float64)
    # Squared distances, shape (m, n), via |a|^2 + |b|^2 - 2 a.b (same order as the true distances).
    d2 = (np.sum(X_test ** 2, axis=1)[:, None] + np.sum(X_train ** 2, axis=1)[None, :]
          - 2.0 * (X_test @ X_train.T))
    # Take every point no farther than the k-th smallest distance of its row. Where several points sit
    # exactly at that distance and there are more than k candidates, keep the lowest indices.
    m = d2.shape[0]
    kth = np.partition(d2, k - 1, axis=1)[:, k - 1:k]
    chosen = d2 <= kth
    rows = np.nonzero(chosen.sum(axis=1) > k)[0]
    if rows.size:
        closer = d2[rows] < kth[rows]
        at_kth = d2[rows] == kth[rows]
        need = k - closer.sum(axis=1, keepdims=True)
        chosen[rows] = closer | (at_kth & (np.cumsum(at_kth, axis=1) <= need))
    neighbours = np.nonzero(chosen)[1].reshape(m, k)  # exactly k column indices per row
    # Vote counts per sorted label; argmax returns the first, i.e. the smallest, tied label.
    labels, codes = np.unique(y_train, return_inverse=True)
    flat = (np.arange(m)[:, None] * labels.size + codes[neighbours]).ravel()
    votes = np.bincount(flat, minlength=m * labels.size).reshape(m, labels.size)
    return labels[np.argmax(votes, axis=1)]
