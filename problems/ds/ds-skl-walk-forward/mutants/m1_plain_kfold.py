import numpy as np
from sklearn.base import clone
from sklearn.model_selection import KFold


def walk_forward_predict(estimator, X, y, n_splits=5):
    # Plain KFold: most folds train on rows that come after the test rows.
    X, y = np.asarray(X), np.asarray(y)
    out = np.full(len(y), np.nan)
    for train, test in KFold(n_splits=n_splits).split(X):
        out[test] = clone(estimator).fit(X[train], y[train]).predict(X[test])
    return out
