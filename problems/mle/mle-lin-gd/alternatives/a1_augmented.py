import numpy as np


def linreg_gd(X, y, lr, n_iter):
    # Folds the intercept into one parameter vector by appending a column of ones.
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    n = len(y)
    A = np.column_stack([X, np.ones(n)])
    theta = np.zeros(A.shape[1])
    losses = []
    for _ in range(n_iter):
        resid = A.dot(theta) - y
        losses.append(0.5 * np.mean(resid ** 2))
        theta -= lr * (A.T.dot(resid) / n)
    return theta[:-1].copy(), theta[-1], losses
