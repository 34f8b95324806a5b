import numpy as np


def svm_subgrad(w, b, X, y, C):
    # One point at a time, accumulating the hinge subgradient in plain Python.
    for label in y:
        if label not in (-1, 1):
            raise ValueError("y must hold only -1 and +1")
    gw = np.array(w, dtype=float, copy=True)
    gb = 0.0
    for i in range(len(y)):
        f = float(np.dot(w, X[i])) + b
        if y[i] * f < 1:
            gw = gw - C * y[i] * X[i]
            gb = gb - C * y[i]
    return gw, float(gb)
