import numpy as np


def ridge_fit(X, y, alpha):
    # Mean-loss convention: (1/n)||.||^2 + alpha||w||^2, i.e. alpha scaled by n.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    mx, my = X.mean(axis=0), y.mean()
    Xc, yc = X - mx, y - my
    w = np.linalg.solve(Xc.T @ Xc + n * alpha * np.eye(d), Xc.T @ yc)
    return w, float(my - mx @ w)
