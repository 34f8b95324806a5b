import numpy as np


def sample_categorical(p: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    """`size` category indices drawn from the probability vector `p` by the inverse-CDF method."""
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("p must be a non-empty 1-D array")
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError("p must contain finite, non-negative probabilities")
    total = float(p.sum())
    if abs(total - 1.0) > 1e-8:
        raise ValueError(f"p must sum to 1 (within 1e-8), got {total!r}")
    if isinstance(size, bool) or not isinstance(size, (int, np.integer)) or size < 0:
        raise ValueError("size must be a non-negative integer")
    cdf = np.cumsum(p)
    cdf /= cdf[-1]  # guards against a total slightly below 1
    u = rng.random(int(size))
    idx = np.searchsorted(cdf, u, side="right")
    return np.minimum(idx, p.size - 1).astype(np.int64)
