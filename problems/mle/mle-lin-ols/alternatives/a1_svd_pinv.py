import numpy as np


def ols_fit(X, y, fit_intercept=True):
    # Pseudo-inverse built by hand from the SVD: w = V diag(1/s) U^T y over the non-negligible s.
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if fit_intercept:
        mx = X.sum(axis=0) / X.shape[0]
        my = y.sum() / y.shape[0]
    else:
        mx = np.zeros(X.shape[1])
        my = 0.0
    U, s, Vt = np.linalg.svd(X - mx, full_matrices=False)
    cutoff = np.finfo(float).eps * max(X.shape) * (s[0] if s.size else 0.0)
    inv_s = np.array([1.0 / si if si > cutoff else 0.0 for si in s])
    w = Vt.T @ (inv_s * (U.T @ (y - my)))
    b = my - float(np.dot(mx, w)) if fit_intercept else 0.0
    return w, b
