import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Records the loss after each update instead of before it.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        w = w - lr * (X.T @ r / n)
        b = b - lr * float(r.mean())
        r = X @ w + b - y
        losses.append(float(r @ r) / (2 * n))
    return w, b, losses
