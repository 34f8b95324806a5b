from sklearn.metrics import make_scorer, roc_auc_score
from sklearn.model_selection import GroupKFold, cross_val_score


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # cross_val_score clones the estimator for every fold itself; the scorer is told to rank by
    # predict_proba (scikit-learn's built-in "roc_auc" scorer would prefer decision_function).
    scorer = make_scorer(roc_auc_score, response_method="predict_proba")
    return cross_val_score(estimator, X, y, groups=groups, cv=GroupKFold(n_splits=n_splits), scoring=scorer)
