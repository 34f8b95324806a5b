import numpy as np
from sklearn.tree import DecisionTreeRegressor  # optional: you may write your own tree instead


def gbm_fit_predict(X: np.ndarray, y: np.ndarray, X_test: np.ndarray, n_estimators: int, lr: float,
                    max_depth: int = 1) -> np.ndarray:
    """Gradient boosting with squared loss; returns predictions for X_test, shape (m,), float64.

    F0 = mean(y); each round fits a regression tree of depth <= max_depth to the residuals y - F
    on the training set and adds lr * tree(x) to F.
    """
    raise NotImplementedError
