# breaks: sizes-raise
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1:  # forgets to check d: d = 0 returns an empty (T, 0) array
        raise ValueError("T must be positive")
    pos = np.arange(T, dtype=np.float64)[:, None]
    angle = pos / np.power(10000.0, np.arange(0, d, 2) / max(d, 1))
    pe = np.empty((T, max(d, 0)))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d // 2])
    return pe
