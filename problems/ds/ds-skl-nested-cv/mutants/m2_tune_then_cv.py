from sklearn.base import clone
from sklearn.model_selection import GridSearchCV, KFold, cross_val_score


def nested_cv(estimator, param_grid, X, y, inner=3, outer=5, seed=0):
    # Tunes once on all data, then cross-validates the chosen parameters: the outer test rows
    # were already used to pick them.
    search = GridSearchCV(clone(estimator), param_grid, cv=KFold(n_splits=inner, shuffle=True, random_state=seed))
    search.fit(X, y)
    best = clone(estimator).set_params(**search.best_params_)
    scores = cross_val_score(best, X, y, cv=KFold(n_splits=outer, shuffle=True, random_state=seed))
    return float(scores.mean()), float(scores.std())
