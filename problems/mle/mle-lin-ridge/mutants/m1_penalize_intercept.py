import numpy as np


def ridge_fit(X, y, alpha):
    # Appends a column of ones and penalises its coefficient like the others.
    if alpha < 0:
        raise ValueError("alpha must be non-negative")
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    A = np.hstack([X, np.ones((X.shape[0], 1))])
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return theta[:-1], float(theta[-1])
