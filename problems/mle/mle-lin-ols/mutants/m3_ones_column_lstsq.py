import numpy as np


def ols_fit(X, y, fit_intercept=True):
    # Appends a ones column and takes the minimum norm over (w, b) jointly, not over w alone.
    if not fit_intercept:
        return np.linalg.lstsq(X, y, rcond=None)[0], 0.0
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return theta[:-1], float(theta[-1])
