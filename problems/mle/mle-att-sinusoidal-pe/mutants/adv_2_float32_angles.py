# breaks: precision
# Adversarial review (written from the statement alone): wrong_2.py
# what it breaks: "Output: a new float64 array" with "relative tolerance 1e-6" (angles computed in float32)
# class: 2
import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same).

    Returns a float64 array of shape (T, d); an odd d ends with a sin column. Raises ValueError if T < 1 or d < 1.
    """
    if T < 1 or d < 1:
        raise ValueError("T and d must be at least 1")
    T = int(T)
    d = int(d)
    pos = np.arange(T, dtype=np.float32)[:, None]                  # float32 like most framework code
    even = np.arange(0, d, 2, dtype=np.float32)
    angles = pos / np.power(np.float32(10000.0), even / np.float32(d))
    pe = np.empty((T, d), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles[:, : d // 2])                       # cos shares its sin partner's argument
    return pe.astype(np.float64)
