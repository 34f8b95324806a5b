import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logreg_fit(X, y, lr, n_iter, l2=0.0):
    # Differentiates l2 * ||w||^2 instead of (l2 / 2) * ||w||^2: penalty gradient 2 * l2 * w.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iter):
        err = _sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ err / n + 2 * l2 * w)
        b = b - lr * err.mean()
    return w, float(b)
