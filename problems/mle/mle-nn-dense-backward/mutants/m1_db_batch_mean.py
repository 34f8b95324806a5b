import numpy as np


def dense_backward(x, W, dout):
    dx = dout @ W.T
    dW = x.T @ dout
    db = dout.mean(axis=0)  # batch mean instead of the sum
    return dx, dW, db
