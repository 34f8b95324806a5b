# breaks: fresh-clone
import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # Refits the caller's estimator in place instead of a clone per fold.
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        estimator.fit(X[train], y[train])
        scores.append(roc_auc_score(y[test], estimator.predict_proba(X[test])[:, 1]))
    return np.asarray(scores, dtype=np.float64)
