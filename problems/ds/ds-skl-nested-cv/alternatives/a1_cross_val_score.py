from sklearn.model_selection import GridSearchCV, KFold, cross_val_score


def nested_cv(estimator, param_grid, X, y, inner=3, outer=5, seed=0):
    # The search object itself is the estimator that cross_val_score clones and scores per outer fold.
    search = GridSearchCV(estimator, param_grid, cv=KFold(n_splits=inner, shuffle=True, random_state=seed))
    scores = cross_val_score(search, X, y, cv=KFold(n_splits=outer, shuffle=True, random_state=seed))
    return float(scores.mean()), float(scores.std())
