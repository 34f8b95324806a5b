# breaks: new-array
from functools import lru_cache

import numpy as np


@lru_cache(maxsize=None)
def sinusoidal_pe(T, d):
    # memoised: every call with the same sizes returns the same array object, so a caller that
    # adds the encoding in place to its embeddings corrupts every later call
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    angle = pos / np.power(10000.0, np.arange(0, d, 2) / d)
    pe = np.empty((T, d))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d // 2])
    return pe
