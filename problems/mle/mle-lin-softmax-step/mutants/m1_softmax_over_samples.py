import numpy as np


def softmax_reg_step(W, b, X, y, lr):
    # Normalises over the sample axis (axis=0) instead of over the classes.
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=0, keepdims=True)
    E = np.exp(Z)
    P = E / E.sum(axis=0, keepdims=True)
    rows = np.arange(n)
    loss = float(-np.mean(np.log(P[rows, y])))
    G = P.copy()
    G[rows, y] -= 1.0
    G /= n
    return W - lr * (X.T @ G), b - lr * G.sum(axis=0), loss
