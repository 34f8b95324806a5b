import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Updates w first, then computes the intercept gradient from the new w.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        losses.append(float(r @ r) / (2 * n))
        w = w - lr * (X.T @ r / n)
        b = b - lr * float((X @ w + b - y).mean())
    return w, b, losses
