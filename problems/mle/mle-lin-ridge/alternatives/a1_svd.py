import numpy as np


def ridge_fit(X, y, alpha):
    # Shrink the singular values of the centred design: w = V diag(s / (s^2 + alpha)) U^T yc.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    mx = X.mean(axis=0)
    my = y.mean()
    U, s, Vt = np.linalg.svd(X - mx, full_matrices=False)
    shrink = np.zeros_like(s)
    big = s > 1e-12 * max(s.max(initial=0.0), 1.0)
    shrink[big] = s[big] / (s[big] ** 2 + alpha)
    w = Vt.T @ (shrink * (U.T @ (y - my)))
    return w, my - mx.dot(w)
