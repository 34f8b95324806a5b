import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive")
    pos = np.arange(T, dtype=np.float64)[:, None]
    j = np.arange(d)
    pair = j // 2
    freq = np.power(10000.0, -(2.0 * pair) / d)
    arg = pos * freq[None, :]
    return np.where(j % 2 == 0, np.sin(arg), np.cos(arg))
