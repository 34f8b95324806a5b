# breaks: shape
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    angle = pos / np.power(10000.0, np.arange(0, d, 2) / d)
    # stacks a full sin/cos pair for every frequency: an odd d gets d + 1 columns
    return np.stack([np.sin(angle), np.cos(angle)], axis=-1).reshape(T, -1)
