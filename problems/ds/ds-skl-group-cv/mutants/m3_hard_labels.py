# breaks: predict-proba
import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # AUC computed from hard 0/1 predictions instead of scores.
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        model = clone(estimator).fit(X[train], y[train])
        scores.append(roc_auc_score(y[test], model.predict(X[test])))
    return np.asarray(scores, dtype=np.float64)
