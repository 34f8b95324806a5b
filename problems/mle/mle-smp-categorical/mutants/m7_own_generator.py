# breaks: rng-only (all randomness is drawn from rng: no np.random.*, no new generator)
import numpy as np


def sample_categorical(p, size, rng):
    # Seeds a generator of its own from rng: reproducible and statistically right, but not drawn from rng.
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("p must be a non-empty 1-D array")
    if not np.all(np.isfinite(p)) or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("p must be a probability vector")
    own = np.random.default_rng(int(rng.integers(2**63)))
    cdf = np.cumsum(p)
    cdf /= cdf[-1]
    idx = np.searchsorted(cdf, own.random(int(size)), side="right")
    return np.minimum(idx, p.size - 1).astype(np.int64)
