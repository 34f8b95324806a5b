import numpy as np


def softmax_reg_step(W: np.ndarray, b: np.ndarray, X: np.ndarray, y: np.ndarray,
                     lr: float) -> tuple[np.ndarray, np.ndarray, float]:
    """One gradient step of multinomial logistic regression on the mean cross-entropy.

    Returns (W_new, b_new, loss) where loss is evaluated at the incoming (W, b).
    """
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    S = E.sum(axis=1, keepdims=True)
    P = E / S
    rows = np.arange(n)
    loss = float(np.mean(np.log(S[:, 0]) - Z[rows, y]))
    G = P.copy()
    G[rows, y] -= 1.0
    G /= n
    return W - lr * (X.T @ G), b - lr * G.sum(axis=0), loss
