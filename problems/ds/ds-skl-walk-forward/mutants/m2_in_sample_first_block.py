import numpy as np
from sklearn.base import clone
from sklearn.model_selection import TimeSeriesSplit


def walk_forward_predict(estimator, X, y, n_splits=5):
    # Fills the first training block with in-sample predictions instead of NaN.
    X, y = np.asarray(X), np.asarray(y)
    out = np.full(len(y), np.nan)
    for i, (train, test) in enumerate(TimeSeriesSplit(n_splits=n_splits).split(X)):
        model = clone(estimator).fit(X[train], y[train])
        if i == 0:
            out[train] = model.predict(X[train])
        out[test] = model.predict(X[test])
    return out
