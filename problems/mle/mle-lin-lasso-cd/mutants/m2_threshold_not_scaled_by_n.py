import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # Works with unnormalised sums X_j^T r and ||X_j||^2 but thresholds at alpha instead of n * alpha.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    z = (X * X).sum(axis=0)
    for _ in range(n_iter):
        biggest = 0.0
        for j in range(d):
            old = w[j]
            if z[j] == 0:
                w[j] = 0.0
            else:
                rho = X[:, j] @ (y - X @ w) + z[j] * old
                w[j] = np.sign(rho) * max(abs(rho) - alpha, 0.0) / z[j]
            biggest = max(biggest, abs(w[j] - old))
        if biggest < tol:
            break
    return w
