import numpy as np


def dense_backward(x, W, dout):
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.sum(axis=1)  # sums over the outputs of each sample, shape (N,)
    return dx, dW, db
