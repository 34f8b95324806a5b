# breaks: finite-p (a NaN or inf entry of p raises ValueError)
import numpy as np


def sample_categorical(p, size, rng):
    # Checks the sign and the sum only: a NaN makes both comparisons False, so it slips through.
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("p must be a non-empty 1-D array")
    if np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("p must be a probability vector")
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    idx = np.searchsorted(cdf, rng.random(int(size)), side="right")
    return np.minimum(idx, p.size - 1).astype(np.int64)
