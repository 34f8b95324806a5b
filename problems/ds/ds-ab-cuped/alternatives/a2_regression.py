import numpy as np
from sklearn.linear_model import LinearRegression


def cuped(y, x):
    # theta is the OLS slope of y on x (with intercept); the adjusted metric is
    # y - slope * (x - mean(x)), i.e. the regression residual plus mean(y).
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    if y.size == 0 or y.shape != x.shape or y.ndim != 1:
        raise ValueError("need non-empty 1-D y and x of the same length")
    if np.ptp(x) == 0:
        return y.copy()
    slope = LinearRegression().fit(x.reshape(-1, 1), y).coef_[0]
    return y - slope * (x - x.mean())
