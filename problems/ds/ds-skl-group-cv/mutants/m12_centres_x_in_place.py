# breaks: inputs-unchanged
import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # Centres the caller's X in place before splitting.
    X -= X.mean(axis=0)
    scores = []
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        model = clone(estimator).fit(X[train], y[train])
        scores.append(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))
    return np.asarray(scores, dtype=np.float64)
