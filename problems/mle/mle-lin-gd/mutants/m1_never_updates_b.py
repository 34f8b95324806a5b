import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Computes everything but forgets to update the intercept.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        losses.append(float(r @ r) / (2 * n))
        w = w - lr * (X.T @ r / n)
    return w, b, losses
