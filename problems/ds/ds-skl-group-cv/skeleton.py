import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits: int = 5) -> np.ndarray:
    """ROC AUC of a fresh clone of `estimator` on each GroupKFold test fold, in split order.

    Returns a float64 array of shape (n_splits,). The passed estimator must stay unfitted.
    """
    raise NotImplementedError
