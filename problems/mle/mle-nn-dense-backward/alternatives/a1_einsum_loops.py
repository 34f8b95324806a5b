import numpy as np


def dense_backward(x, W, dout):
    # dx and dW with einsum; db accumulated one sample at a time in a Python loop.
    dx = np.einsum("nm,dm->nd", dout, W)
    dW = np.einsum("nd,nm->dm", x, dout)
    db = np.zeros(dout.shape[1], dtype=np.float64)
    for row in dout:
        db = db + row
    return dx, dW, db
