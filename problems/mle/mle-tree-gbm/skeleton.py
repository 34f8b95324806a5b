import numpy as np


def gbm_fit_predict(X: np.ndarray, y: np.ndarray, X_test: np.ndarray, n_estimators: int, lr: float,
                    max_depth: int = 1) -> np.ndarray:
    """Return the boosted ensemble's predictions for X_test, a float64 array of shape (m,)."""
    raise NotImplementedError
