import numpy as np


def dropout(x: np.ndarray, p: float, rng: np.random.Generator, training: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Inverted dropout: returns (out, mask); mask is True where a unit is kept."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], got {p}")
    if not training or p == 0.0:
        return x.astype(np.float64, copy=True), np.ones(x.shape, dtype=bool)
    if p == 1.0:
        return np.zeros(x.shape, dtype=np.float64), np.zeros(x.shape, dtype=bool)
    mask = rng.random(x.shape) >= p
    return np.where(mask, x / (1.0 - p), 0.0), mask
