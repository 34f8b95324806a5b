import numpy as np


def dropout(x, p, rng, training=True):
    # Keep-mask drawn as Bernoulli(1 - p) with rng.binomial; scale applied by multiplication.
    if p < 0 or p > 1:
        raise ValueError("p must lie in [0, 1]")
    if not training:
        return np.array(x, dtype=np.float64), np.full(np.shape(x), True)
    keep = 1.0 - p
    mask = rng.binomial(1, keep, size=np.shape(x)).astype(bool)
    scale = 1.0 / keep if keep > 0 else 0.0
    return x * mask * scale, mask
