# breaks: interleaved
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    angle = pos / np.power(10000.0, np.arange(0, d, 2) / d)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.cos(angle)  # cos on even columns, sin on odd ones
    pe[:, 1::2] = np.sin(angle[:, : d // 2])
    return pe
