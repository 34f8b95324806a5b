# breaks: inverse-cdf (draws by the inverse-CDF method from uniform numbers of rng, not rng.choice)
import numpy as np


def sample_categorical(p, size, rng):
    # Lets rng.choice do the sampling: the right distribution, but not the method the task asks for.
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("p must be a non-empty 1-D array")
    if not np.all(np.isfinite(p)) or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-8:
        raise ValueError("p must be a probability vector")
    return rng.choice(p.size, size=int(size), p=p / p.sum()).astype(np.int64)
