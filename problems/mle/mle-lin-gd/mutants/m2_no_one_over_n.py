import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Gradient of the summed loss: drops the 1/n (diverges for large n).
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        losses.append(float(r @ r) / (2 * n))
        w = w - lr * (X.T @ r)
        b = b - lr * float(r.sum())
    return w, b, losses
