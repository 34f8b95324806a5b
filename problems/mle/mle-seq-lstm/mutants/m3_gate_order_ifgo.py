import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_step(x, h, c, W, b):
    H = h.shape[1]
    z = np.concatenate([x, h], axis=1) @ W + b
    # reads the blocks in the order [i, f, g, o] instead of [i, f, o, g]
    i, f = _sigmoid(z[:, :H]), _sigmoid(z[:, H:2 * H])
    g, o = np.tanh(z[:, 2 * H:3 * H]), _sigmoid(z[:, 3 * H:])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
