import numpy as np


def _loss_and_grad(W, b, X, y):
    n = X.shape[0]
    Z = X @ W + b
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    S = E.sum(axis=1, keepdims=True)
    rows = np.arange(n)
    loss = float(np.mean(np.log(S[:, 0]) - Z[rows, y]))
    G = E / S
    G[rows, y] -= 1.0
    return loss, G / n


def softmax_reg_step(W, b, X, y, lr):
    # Correct step, but reports the loss at the new parameters.
    _, G = _loss_and_grad(W, b, X, y)
    W_new, b_new = W - lr * (X.T @ G), b - lr * G.sum(axis=0)
    loss, _ = _loss_and_grad(W_new, b_new, X, y)
    return W_new, b_new, loss
