import numpy as np
from sklearn.base import clone
from sklearn.model_selection import TimeSeriesSplit


def walk_forward_predict(estimator, X, y, n_splits=5):
    # Starts from zeros, so rows never predicted read 0.0 instead of NaN.
    X, y = np.asarray(X), np.asarray(y)
    out = np.zeros(len(y))
    for train, test in TimeSeriesSplit(n_splits=n_splits).split(X):
        out[test] = clone(estimator).fit(X[train], y[train]).predict(X[test])
    return out
