import numpy as np
from sklearn.base import clone
from sklearn.model_selection import TimeSeriesSplit


def walk_forward_predict(estimator, X, y, n_splits: int = 5) -> np.ndarray:
    """Out-of-sample predictions from TimeSeriesSplit folds; rows never in a test fold are NaN."""
    X, y = np.asarray(X), np.asarray(y)
    out = np.full(len(y), np.nan, dtype=np.float64)
    for train, test in TimeSeriesSplit(n_splits=n_splits).split(X):
        model = clone(estimator).fit(X[train], y[train])
        out[test] = model.predict(X[test])
    return out
