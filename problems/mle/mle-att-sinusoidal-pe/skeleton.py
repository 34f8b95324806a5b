import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding: PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same).

    Returns a float64 array of shape (T, d); an odd d ends with a sin column. Raises ValueError if T < 1 or d < 1.
    """
    raise NotImplementedError
