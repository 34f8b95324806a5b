import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold


def nested_cv(estimator, param_grid: dict, X, y, inner: int = 3, outer: int = 5, seed: int = 0) -> tuple:
    """Mean and (population) std of outer-fold scores of a GridSearchCV tuned on inner folds only."""
    X, y = np.asarray(X), np.asarray(y)
    outer_cv = KFold(n_splits=outer, shuffle=True, random_state=seed)
    inner_cv = KFold(n_splits=inner, shuffle=True, random_state=seed)
    scores = []
    for train, test in outer_cv.split(X):
        search = GridSearchCV(clone(estimator), param_grid, cv=inner_cv)
        search.fit(X[train], y[train])  # tuning sees the outer training rows only
        scores.append(search.score(X[test], y[test]))
    scores = np.asarray(scores, dtype=np.float64)
    return float(scores.mean()), float(scores.std())
