# breaks: no-sklearn-ensemble (the boosting loop is written by hand: sklearn.ensemble is not called)
import numpy as np
from sklearn.ensemble import GradientBoostingRegressor


def gbm_fit_predict(X, y, X_test, n_estimators, lr, max_depth=1):
    # Hands the whole job to scikit-learn's GradientBoostingRegressor: right numbers, not the task.
    if n_estimators == 0:
        return np.full(len(X_test), float(np.mean(y)))
    model = GradientBoostingRegressor(n_estimators=n_estimators, learning_rate=lr, max_depth=max_depth,
                                      random_state=0)
    return model.fit(X, y).predict(X_test).astype(np.float64)
