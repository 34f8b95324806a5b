import numpy as np


def ols_fit(X, y, fit_intercept=True):
    # Normal equations with an explicit inverse of A^T A (fails on collinear columns).
    A = np.hstack([X, np.ones((X.shape[0], 1))]) if fit_intercept else X
    theta = np.linalg.inv(A.T @ A) @ A.T @ y
    if fit_intercept:
        return theta[:-1], float(theta[-1])
    return theta, 0.0
