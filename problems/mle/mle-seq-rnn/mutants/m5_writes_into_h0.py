import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    T, N = x.shape[:2]
    hs = np.empty((T, N, Wh.shape[0]))
    h = h0  # no copy: the caller's h0 is overwritten below
    for t in range(T):
        h[...] = np.tanh(x[t] @ Wx + h @ Wh + b)
        hs[t] = h
    return hs, hs[-1].copy()
