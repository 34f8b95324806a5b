# breaks: sizes-raise
# Adversarial review (written from the statement alone): wrong_3.py
# what it breaks: "raise ValueError if T < 1 or d < 1"
# class: 1
import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same).

    Returns a float64 array of shape (T, d); an odd d ends with a sin column. Raises ValueError if T < 1 or d < 1.
    """
    T = int(T)
    d = int(d)
    pos = np.arange(T, dtype=np.float64)[:, None]                  # (T, 1)
    even = np.arange(0, d, 2, dtype=np.float64)                     # 2i for every pair (and a lone last sin)
    angles = pos / np.power(10000.0, even / d)                      # (T, ceil(d/2))
    pe = np.empty((T, d), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d // 2])                       # cos shares its sin partner's argument
    return pe
