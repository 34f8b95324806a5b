import math

import numpy as np


def sample_categorical(p, size, rng):
    # No searchsorted: the index of a draw is the number of cumulative sums that are <= u.
    p = np.asarray(p, dtype=np.float64)
    if p.ndim != 1 or len(p) == 0:
        raise ValueError("p must be a non-empty 1-D array")
    if not np.isfinite(p).all() or (p < 0).any():
        raise ValueError("bad probabilities")
    if abs(math.fsum(p.tolist()) - 1.0) > 1e-8:
        raise ValueError("p must sum to 1")
    if int(size) != size or size < 0:
        raise ValueError("bad size")
    c = np.cumsum(p)
    c[-1] = np.inf  # nothing can fall past the last category
    u = rng.random(int(size))
    idx = (u[:, None] >= c[None, :]).sum(axis=1)
    return idx.astype(np.int64)
