import numpy as np


def ols_fit(X: np.ndarray, y: np.ndarray, fit_intercept: bool = True) -> tuple[np.ndarray, float]:
    """Minimum-norm least squares; the intercept comes from centring X and y."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if not fit_intercept:
        w = np.linalg.lstsq(X, y, rcond=None)[0]
        return w, 0.0
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    return w, float(y_mean - x_mean @ w)
