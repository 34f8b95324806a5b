import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logreg_fit(X, y, lr, n_iter, l2=0.0):
    # Applies the L2 penalty to the intercept as well.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iter):
        err = _sigmoid(X @ w + b) - y
        gw = X.T @ err / n + l2 * w
        gb = err.mean() + l2 * b
        w = w - lr * gw
        b = b - lr * gb
    return w, float(b)
