import numpy as np


def softmax_reg_step(W, b, X, y, lr):
    # Builds the one-hot matrix with K = y.max() + 1 instead of W.shape[1].
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    S = E.sum(axis=1, keepdims=True)
    P = E / S
    Y = np.eye(int(y.max()) + 1)[y]
    loss = float(np.mean(np.log(S[:, 0]) - Z[np.arange(n), y]))
    G = (P - Y) / n
    return W - lr * (X.T @ G), b - lr * G.sum(axis=0), loss
