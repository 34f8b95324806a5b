import numpy as np


def svm_subgrad(w, b, X, y, C):
    """Subgradient of 0.5*||w||^2 + C * sum(max(0, 1 - y*(X @ w + b))) with respect to (w, b)."""
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if not np.all((y == 1.0) | (y == -1.0)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    active = margins < 1.0
    coef = C * y[active]
    gw = w - coef @ X[active]
    gb = -float(np.sum(coef))
    return gw, gb
