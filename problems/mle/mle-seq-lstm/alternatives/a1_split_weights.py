import numpy as np


def lstm_step(x, h, c, W, b):
    # Split W by rows (input part / recurrent part) and by gate, and use 0.5 * (1 + tanh(z / 2)) as sigmoid.
    D = x.shape[1]
    H = h.shape[1]
    Wx, Wh = W[:D], W[D:]

    def pre(k):
        cols = slice(k * H, (k + 1) * H)
        return x @ Wx[:, cols] + h @ Wh[:, cols] + b[cols]

    def sig(z):
        return 0.5 * (1.0 + np.tanh(0.5 * z))

    i, f, o, g = sig(pre(0)), sig(pre(1)), sig(pre(2)), np.tanh(pre(3))
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
