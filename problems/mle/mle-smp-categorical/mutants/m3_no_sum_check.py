import numpy as np


def sample_categorical(p, size, rng):
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(p < 0):
        raise ValueError("bad p")
    if size < 0:
        raise ValueError("bad size")
    cdf = np.cumsum(p) / p.sum()  # silently renormalises instead of rejecting p that does not sum to 1
    idx = np.searchsorted(cdf, rng.random(size), side="right")
    return np.minimum(idx, p.size - 1).astype(np.int64)
