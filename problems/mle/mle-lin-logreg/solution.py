import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    """Logistic function without overflow: exp is only taken of non-positive numbers."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def logreg_fit(X: np.ndarray, y: np.ndarray, lr: float, n_iter: int,
               l2: float = 0.0) -> tuple[np.ndarray, float]:
    """Gradient descent on mean log-loss + (l2/2)||w||^2 (bias not penalised), from w = 0, b = 0."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(n_iter):
        err = _sigmoid(X @ w + b) - y
        grad_w = X.T @ err / n + l2 * w
        grad_b = float(err.mean())
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, float(b)
