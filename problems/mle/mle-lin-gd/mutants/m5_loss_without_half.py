import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Correct updates, but records mean squared error without the factor 1/2.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        losses.append(float(np.mean(r ** 2)))
        w = w - lr * (X.T @ r / n)
        b = b - lr * float(r.mean())
    return w, b, losses
