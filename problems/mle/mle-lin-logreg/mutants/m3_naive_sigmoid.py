import numpy as np


def logreg_fit(X, y, lr, n_iter, l2=0.0):
    # Correct gradient, but the textbook sigmoid overflows for very negative scores.
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iter):
        p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
        err = p - y
        w = w - lr * (X.T @ err / n + l2 * w)
        b = b - lr * err.mean()
    return w, float(b)
