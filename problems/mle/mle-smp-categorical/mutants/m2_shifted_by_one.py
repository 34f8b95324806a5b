import numpy as np


def sample_categorical(p, size, rng):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("bad p")
    if size < 0:
        raise ValueError("bad size")
    cdf = np.cumsum(p)
    u = rng.random(size)
    idx = np.searchsorted(cdf, u, side="right") + 1  # indices shifted by one
    return (idx % p.size).astype(np.int64)
