import numpy as np


def lasso_cd(X: np.ndarray, y: np.ndarray, alpha: float, n_iter: int = 1000,
             tol: float = 1e-8) -> np.ndarray:
    """Cyclic coordinate descent for (1/2n)||y - Xw||^2 + alpha * ||w||_1 (no intercept)."""
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    col_sq = (X * X).sum(axis=0) / n      # z_j
    resid = y.copy()                      # y - X @ w, kept up to date
    for _ in range(n_iter):
        max_change = 0.0
        for j in range(d):
            if col_sq[j] == 0.0:
                new = 0.0
            else:
                rho = X[:, j] @ resid / n + col_sq[j] * w[j]
                new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / col_sq[j]
            change = new - w[j]
            if change != 0.0:
                resid -= change * X[:, j]
                w[j] = new
            max_change = max(max_change, abs(change))
        if max_change < tol:
            break
    return w
