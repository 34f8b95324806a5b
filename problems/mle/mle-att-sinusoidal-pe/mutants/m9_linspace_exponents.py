# breaks: formula
import numpy as np


def sinusoidal_pe(T, d):
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    n_pairs = (d + 1) // 2
    # exponents spread evenly from 0 to 1 over the pairs: the last pair reaches 10000 itself
    angle = pos / np.power(10000.0, np.linspace(0.0, 1.0, n_pairs))
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d // 2])
    return pe
