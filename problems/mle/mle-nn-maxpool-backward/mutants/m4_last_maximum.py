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
    for b in range(n):
        for ch in range(c):
            for i in range(ho):
                for j in range(wo):
                    best, bi, bj = -np.inf, 0, 0
                    for a in range(i * s, i * s + k):
                        for q in range(j * s, j * s + k):
                            if x[b, ch, a, q] >= best:  # '>=' moves ties to the last maximum
                                best, bi, bj = x[b, ch, a, q], a, q
                    dx[b, ch, bi, bj] += dout[b, ch, i, j]
    return dx
