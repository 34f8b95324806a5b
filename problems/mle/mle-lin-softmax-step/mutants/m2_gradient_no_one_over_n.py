import numpy as np


def softmax_reg_step(W, b, X, y, lr):
    # Mean loss, but the gradient is that of the summed loss (no division by n).
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    S = E.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = float(np.mean(np.log(S[:, 0]) - Z[rows, y]))
    G = E / S
    G[rows, y] -= 1.0
    return W - lr * (X.T @ G), b - lr * G.sum(axis=0), loss
