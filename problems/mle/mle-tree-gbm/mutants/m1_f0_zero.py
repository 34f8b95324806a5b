import numpy as np
from sklearn.tree import DecisionTreeRegressor


def gbm_fit_predict(X, y, X_test, n_estimators, lr, max_depth=1):
    f_train = np.zeros(len(y))       # starts from 0 instead of the mean of y
    f_test = np.zeros(len(X_test))
    for _ in range(n_estimators):
        tree = DecisionTreeRegressor(max_depth=max_depth).fit(X, y - f_train)
        f_train += lr * tree.predict(X)
        f_test += lr * tree.predict(X_test)
    return f_test
