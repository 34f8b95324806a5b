import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # Updates every coordinate from the previous sweep's w (Jacobi), not cyclically in place.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    z = (X * X).sum(axis=0) / n
    safe = np.where(z > 0, z, 1.0)
    for _ in range(n_iter):
        rho = X.T @ (y - X @ w) / n + z * w
        new = np.where(z > 0, np.sign(rho) * np.maximum(np.abs(rho) - alpha, 0.0) / safe, 0.0)
        change = np.max(np.abs(new - w))
        w = new
        if change < tol:
            break
    return w
