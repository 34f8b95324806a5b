# breaks: interleaved
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    j = np.arange(d, dtype=np.float64)
    angle = pos / np.power(10000.0, j / d)  # the cos column 2i+1 uses (2i+1)/d, not 2i/d
    pe = np.where(j % 2 == 0, np.sin(angle), np.cos(angle))
    return pe
