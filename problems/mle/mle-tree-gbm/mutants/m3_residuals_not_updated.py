import numpy as np
from sklearn.tree import DecisionTreeRegressor


def gbm_fit_predict(X, y, X_test, n_estimators, lr, max_depth=1):
    f0 = y.mean()
    f_test = np.full(len(X_test), f0)
    for _ in range(n_estimators):
        tree = DecisionTreeRegressor(max_depth=max_depth).fit(X, y - f0)  # always the first residuals
        f_test += lr * tree.predict(X_test)
    return f_test
