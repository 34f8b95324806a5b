# breaks: odd-width
# Adversarial review (written from the statement alone): wrong_1.py
# what it breaks: "d may be odd: ... the last column ... sin(pos / 10000^((d-1)/d))" (exponent uses the padded width)
# class: 6
import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same).

    Returns a float64 array of shape (T, d); an odd d ends with a sin column. Raises ValueError if T < 1 or d < 1.
    """
    if T < 1 or d < 1:
        raise ValueError("T and d must be at least 1")
    T = int(T)
    d = int(d)
    width = d + d % 2                                               # build an even width, drop the extra column
    pos = np.arange(T, dtype=np.float64)[:, None]
    even = np.arange(0, width, 2, dtype=np.float64)
    angles = pos / np.power(10000.0, even / width)
    pe = np.empty((T, width), dtype=np.float64)
    pe[:, 0::2] = np.sin(angles)
    pe[:, 1::2] = np.cos(angles)
    return pe[:, :d].copy()
