import numpy as np


def dropout(x: np.ndarray, p: float, rng: np.random.Generator, training: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Return (out, mask): the inverted-dropout output and the bool keep-mask (True where kept)."""
    raise NotImplementedError
