# breaks: group-kfold
import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import KFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # Shuffled KFold ignores the groups: rows of one group land on both sides.
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in KFold(n_splits=n_splits, shuffle=True, random_state=0).split(X, y):
        model = clone(estimator).fit(X[train], y[train])
        scores.append(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))
    return np.asarray(scores, dtype=np.float64)
