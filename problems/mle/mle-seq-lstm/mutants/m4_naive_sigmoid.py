import numpy as np


def lstm_step(x, h, c, W, b):
    H = h.shape[1]
    z = np.concatenate([x, h], axis=1) @ W + b
    s = 1.0 / (1.0 + np.exp(-z[:, :3 * H]))  # overflows in exp for very negative pre-activations
    i, f, o = s[:, :H], s[:, H:2 * H], s[:, 2 * H:]
    g = np.tanh(z[:, 3 * H:])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new
