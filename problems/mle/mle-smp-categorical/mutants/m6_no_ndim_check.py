# breaks: p-1d (a p that is not 1-D raises ValueError)
import numpy as np


def sample_categorical(p, size, rng):
    # Checks the values but not the number of dimensions: cumsum flattens a 2-D p silently.
    p = np.asarray(p, dtype=np.float64)
    if p.size == 0:
        raise ValueError("p must not be empty")
    if not np.all(np.isfinite(p)) or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("p must be a probability vector")
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    idx = np.searchsorted(cdf, rng.random(int(size)), side="right")
    return np.minimum(idx, p.size - 1).astype(np.int64)
