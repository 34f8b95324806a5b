import math

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    # One sequence of the batch at a time, with plain Python lists and math.tanh.
    T, N, D = x.shape
    H = Wh.shape[0]
    xs = x.tolist()
    wx, wh, bias = Wx.tolist(), Wh.tolist(), b.tolist()
    out = np.zeros((T, N, H))
    for n in range(N):
        h = [float(v) for v in h0[n]]
        for t in range(T):
            xt = xs[t][n]
            new = []
            for j in range(H):
                a = bias[j]
                a += sum(xt[k] * wx[k][j] for k in range(D))
                a += sum(h[k] * wh[k][j] for k in range(H))
                new.append(math.tanh(a))
            h = new
            out[t, n] = h
    return out, out[T - 1].copy()
