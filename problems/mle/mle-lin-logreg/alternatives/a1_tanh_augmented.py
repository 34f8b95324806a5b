import math

import numpy as np


def logreg_fit(X, y, lr, n_iter, l2=0.0):
    # One parameter vector [w, b] over an augmented design; sigmoid via tanh (never overflows);
    # the penalty is masked off the last (intercept) coordinate.
    X = np.array(X, dtype=float)
    t = np.array(y, dtype=float)
    n, d = X.shape
    A = np.hstack([X, np.ones((n, 1))])
    mask = np.ones(d + 1)
    mask[-1] = 0.0
    theta = np.zeros(d + 1)
    for _ in range(n_iter):
        p = 0.5 * (1.0 + np.tanh(0.5 * (A @ theta)))
        grad = A.T @ (p - t) / n + l2 * mask * theta
        theta = theta - lr * grad
    return theta[:d].copy(), float(theta[d])
