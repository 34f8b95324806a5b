import numpy as np


def sinusoidal_pe(T: int, d: int) -> np.ndarray:
    """Sinusoidal positional encoding of the original Transformer, a float64 array of shape (T, d)."""
    raise NotImplementedError
