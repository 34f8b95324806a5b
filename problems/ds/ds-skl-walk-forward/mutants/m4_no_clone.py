import numpy as np
from sklearn.model_selection import TimeSeriesSplit


def walk_forward_predict(estimator, X, y, n_splits=5):
    # Refits the caller's estimator in place instead of a clone per fold.
    X, y = np.asarray(X), np.asarray(y)
    out = np.full(len(y), np.nan)
    for train, test in TimeSeriesSplit(n_splits=n_splits).split(X):
        out[test] = estimator.fit(X[train], y[train]).predict(X[test])
    return out
