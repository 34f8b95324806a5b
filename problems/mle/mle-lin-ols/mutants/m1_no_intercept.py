import numpy as np


def ols_fit(X, y, fit_intercept=True):
    # Ignores fit_intercept: always fits through the origin and returns b = 0.
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    return w, 0.0
