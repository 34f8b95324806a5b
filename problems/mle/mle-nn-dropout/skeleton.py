import numpy as np


def dropout(x: np.ndarray, p: float, rng: np.random.Generator, training: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout. Returns (out, mask): mask is a bool array, True where a unit is kept;
    out = x / (1 - p) where kept and 0 where dropped. training=False returns x and an all-True mask.
    Draw all randomness from `rng`. p outside [0, 1] raises ValueError.
    """
    raise NotImplementedError
