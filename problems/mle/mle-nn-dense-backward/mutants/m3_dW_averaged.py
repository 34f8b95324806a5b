import numpy as np


def dense_backward(x, W, dout):
    n = x.shape[0]
    dx = dout @ W.T
    dW = x.T @ dout / n  # averaged over the batch, although db is summed
    db = dout.sum(axis=0)
    return dx, dW, db
