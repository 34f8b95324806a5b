import numpy as np


def svm_subgrad(w, b, X, y, C):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    margins = y * (X @ w + b)
    active = margins < 0.0
    coef = C * y[active]
    return w - coef @ X[active], -float(np.sum(coef))
