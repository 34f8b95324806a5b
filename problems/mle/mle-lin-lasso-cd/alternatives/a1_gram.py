import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # Covariance form: works only with the Gram matrix X^T X / n and X^T y / n (no residual vector).
    if alpha < 0:
        raise ValueError("alpha must be >= 0")
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    n, d = X.shape
    G = X.T @ X / n
    c = X.T @ y / n
    w = np.zeros(d)
    for _sweep in range(n_iter):
        biggest = 0.0
        for j in range(d):
            old = w[j]
            if G[j, j] > 0.0:
                rho = c[j] - G[j] @ w + G[j, j] * old
                if rho > alpha:
                    w[j] = (rho - alpha) / G[j, j]
                elif rho < -alpha:
                    w[j] = (rho + alpha) / G[j, j]
                else:
                    w[j] = 0.0
            else:
                w[j] = 0.0
            biggest = max(biggest, abs(w[j] - old))
        if biggest < tol:
            break
    return w
