import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold


def nested_cv(estimator, param_grid, X, y, inner=3, outer=5, seed=0):
    # Outer folds not shuffled (contiguous blocks), so the seed is ignored there.
    X, y = np.asarray(X), np.asarray(y)
    scores = []
    for train, test in KFold(n_splits=outer).split(X):
        search = GridSearchCV(clone(estimator), param_grid, cv=KFold(n_splits=inner, shuffle=True, random_state=seed))
        search.fit(X[train], y[train])
        scores.append(search.score(X[test], y[test]))
    return float(np.mean(scores)), float(np.std(scores))
