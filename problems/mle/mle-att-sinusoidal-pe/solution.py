import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding of shape (T, d): sin on even columns, cos on odd columns."""
    if T < 1 or d < 1:
        raise ValueError("T and d must be positive integers")
    pos = np.arange(T, dtype=np.float64)[:, None]
    even = np.arange(0, d, 2, dtype=np.float64)  # the column index 2i of every sin column
    angle = pos / np.power(10000.0, even / d)  # (T, ceil(d/2))
    pe = np.empty((T, d), dtype=np.float64)
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d // 2])  # an odd d has one more sin column than cos columns
    return pe
