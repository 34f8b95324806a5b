import numpy as np


def maxpool_backward(x, dout, k, s):
    # Scalar loops over every sample, channel, window and window element.
    N, C, H, W = x.shape
    if k < 1 or s < 1 or k > H or k > W:
        raise ValueError("bad k or s")
    Ho, Wo = (H - k) // s + 1, (W - k) // s + 1
    if tuple(dout.shape) != (N, C, Ho, Wo):
        raise ValueError("dout has the wrong shape")
    dx = np.zeros((N, C, H, W))
    for n in range(N):
        for ch in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    best, bi, bj = None, 0, 0
                    for a in range(i * s, i * s + k):
                        for b in range(j * s, j * s + k):
                            v = x[n, ch, a, b]
                            if best is None or v > best:  # strict: keep the first maximum
                                best, bi, bj = v, a, b
                    dx[n, ch, bi, bj] += dout[n, ch, i, j]
    return dx
