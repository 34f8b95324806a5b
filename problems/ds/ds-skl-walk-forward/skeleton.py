import numpy as np
from sklearn.base import clone
from sklearn.model_selection import TimeSeriesSplit


def walk_forward_predict(estimator, X, y, n_splits: int = 5) -> np.ndarray:
    """Out-of-sample predictions from TimeSeriesSplit folds; rows never in a test fold are NaN.

    Returns a float64 array of length len(y). The passed estimator must stay unfitted.
    """
    raise NotImplementedError
