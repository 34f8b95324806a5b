# breaks: bad-labels-raise (y holding any value other than -1 and +1 raises ValueError)
import numpy as np


def svm_subgrad(w, b, X, y, C):
    # Catches 0/1 labels by looking for a 0, but lets a 2 or a 0.5 through.
    y = np.asarray(y, dtype=np.float64)
    if np.any(y == 0):
        raise ValueError("labels must be -1 or +1, not 0/1")
    margins = y * (X @ w + b)
    active = margins < 1.0
    coef = C * y[active]
    return w - coef @ X[active], -float(np.sum(coef))
