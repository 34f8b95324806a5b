# breaks: group-kfold
import numpy as np
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # Keeps groups apart, but with its own folds: sorted group ids cut into n_splits chunks.
    X, y, groups = np.asarray(X), np.asarray(y), np.asarray(groups)
    uniq = np.unique(groups)
    if len(uniq) < n_splits:
        raise ValueError("fewer groups than folds")
    scores = []
    for chunk in np.array_split(uniq, n_splits):
        test = np.isin(groups, chunk)
        model = clone(estimator).fit(X[~test], y[~test])
        scores.append(roc_auc_score(y[test], model.predict_proba(X[test])[:, 1]))
    return np.asarray(scores, dtype=np.float64)
