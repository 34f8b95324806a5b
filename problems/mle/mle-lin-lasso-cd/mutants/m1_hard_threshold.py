import numpy as np


def lasso_cd(X, y, alpha, n_iter=1000, tol=1e-8):
    # Hard thresholding: keeps rho / z unshrunk when |rho| > alpha, else 0.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    n, d = X.shape
    w = np.zeros(d)
    z = (X * X).sum(axis=0) / n
    for _ in range(n_iter):
        biggest = 0.0
        for j in range(d):
            old = w[j]
            if z[j] == 0:
                w[j] = 0.0
            else:
                rho = X[:, j] @ (y - X @ w) / n + z[j] * old
                w[j] = rho / z[j] if abs(rho) > alpha else 0.0
            biggest = max(biggest, abs(w[j] - old))
        if biggest < tol:
            break
    return w
