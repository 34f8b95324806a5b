import numpy as np


def softmax_reg_step(W, b, X, y, lr):
    # Shifted softmax, but the loss takes log of the probability (log(0) for extreme logits).
    n = X.shape[0]
    Z = X @ W + b
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    P = E / E.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = float(-np.mean(np.log(P[rows, y])))
    G = P.copy()
    G[rows, y] -= 1.0
    G /= n
    return W - lr * (X.T @ G), b - lr * G.sum(axis=0), loss
