# breaks: formula
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    i = np.arange((d + 1) // 2, dtype=np.float64)
    angle = pos / np.power(10000.0, i / d)  # exponent i/d instead of 2i/d
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d // 2])
    return pe
