import numpy as np


def linreg_gd(X: np.ndarray, y: np.ndarray, lr: float, n_iter: int) -> tuple[np.ndarray, float, list]:
    """Full-batch gradient descent on (1/2n)||Xw + b - y||^2 from zero; loss recorded before each update."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    losses = []
    for _ in range(n_iter):
        r = X @ w + b - y
        losses.append(float(r @ r) / (2 * n))
        grad_w = X.T @ r / n
        grad_b = float(r.mean())
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b), losses
