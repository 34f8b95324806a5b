import numpy as np


def lstm_step(x, h, c, W, b):
    H = h.shape[1]
    z = np.concatenate([x, h], axis=1) @ W + b
    i, f, o = np.tanh(z[:, :H]), np.tanh(z[:, H:2 * H]), np.tanh(z[:, 2 * H:3 * H])  # tanh instead of sigmoid
    g = np.tanh(z[:, 3 * H:])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
