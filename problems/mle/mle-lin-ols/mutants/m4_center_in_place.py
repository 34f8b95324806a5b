import numpy as np


def ols_fit(X, y, fit_intercept=True):
    # Centres the caller's arrays in place.
    if not fit_intercept:
        return np.linalg.lstsq(X, y, rcond=None)[0], 0.0
    mx, my = X.mean(axis=0), y.mean()
    X -= mx
    y -= my
    w = np.linalg.lstsq(X, y, rcond=None)[0]
    return w, float(my - mx @ w)
