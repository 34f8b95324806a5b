import numpy as np
from sklearn.base import clone


def walk_forward_predict(estimator, X, y, n_splits=5):
    # Expanding window written out by hand: the last n_splits blocks of size n // (n_splits + 1)
    # are test blocks; each is predicted by a model trained on every row before it.
    X = np.asarray(X)
    y = np.asarray(y)
    n = len(y)
    size = n // (n_splits + 1)
    if n_splits < 2 or size < 1:
        raise ValueError("too many splits for the number of rows")
    first = n - n_splits * size
    preds = [np.full(first, np.nan)]
    for k in range(n_splits):
        start = first + k * size
        model = clone(estimator)
        model.fit(X[:start], y[:start])
        preds.append(np.asarray(model.predict(X[start:start + size]), dtype=float))
    return np.concatenate(preds)
