import numpy as np


def svm_subgrad(w, b, X, y, C):
    margins = y * (X @ w + b)
    active = margins < 1.0
    coef = C * y[active]
    return w - coef @ X[active], -float(np.sum(coef))
