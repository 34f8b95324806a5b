import numpy as np
from sklearn.tree import DecisionTreeRegressor


def gbm_fit_predict(X: np.ndarray, y: np.ndarray, X_test: np.ndarray, n_estimators: int, lr: float,
                    max_depth: int = 1) -> np.ndarray:
    """Gradient boosting with squared loss; returns the predictions for X_test."""
    y = np.asarray(y, dtype=np.float64)
    f0 = float(y.mean())
    f_train = np.full(y.shape[0], f0)
    f_test = np.full(X_test.shape[0], f0)
    for _ in range(n_estimators):
        tree = DecisionTreeRegressor(max_depth=max_depth).fit(X, y - f_train)
        f_train += lr * tree.predict(X)
        f_test += lr * tree.predict(X_test)
    return f_test
