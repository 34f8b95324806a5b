# breaks: interleaved
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    angle = pos / np.power(10000.0, np.arange(0, d, 2) / d)
    # all sin columns first, then all cos columns (not interleaved)
    return np.concatenate([np.sin(angle), np.cos(angle[:, : d // 2])], axis=1)
