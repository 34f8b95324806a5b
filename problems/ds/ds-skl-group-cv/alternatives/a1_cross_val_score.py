from sklearn.model_selection import GroupKFold, cross_val_score


def group_cv_auc(estimator, X, y, groups, n_splits=5):
    # cross_val_score clones the estimator for every fold itself.
    return cross_val_score(estimator, X, y, groups=groups, cv=GroupKFold(n_splits=n_splits), scoring="roc_auc")
