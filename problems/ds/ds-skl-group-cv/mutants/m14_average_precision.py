# breaks: auc-value
import numpy as np
from sklearn.base import clone
from sklearn.metrics import average_precision_score
from sklearn.model_selection import GroupKFold


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # Computes the area under the precision-recall curve instead of the ROC curve.
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in GroupKFold(n_splits=n_splits).split(X, y, groups):
        model = clone(estimator).fit(X[train], y[train])
        scores.append(average_precision_score(y[test], model.predict_proba(X[test])[:, 1]))
    return np.asarray(scores, dtype=np.float64)
