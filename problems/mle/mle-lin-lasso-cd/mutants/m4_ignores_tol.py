import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # Correct sweeps, but never stops early: always runs all n_iter sweeps.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    z = (X * X).sum(axis=0) / n
    for _ in range(n_iter):
        for j in range(d):
            if z[j] == 0:
                w[j] = 0.0
                continue
            rho = X[:, j] @ (y - X @ w) / n + z[j] * w[j]
            w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
    return w
