import math

import numpy as np


def _lse(values):
    finite = [v for v in values if v != -math.inf]
    if not finite:
        return -math.inf
    m = max(finite)
    return m + math.log(math.fsum(math.exp(v - m) for v in finite))


def logsumexp(a, axis=None):
    # Plain-Python loop over every 1-D slice along `axis`.
    a = np.array(a, dtype=np.float64)
    if axis is None:
        return _lse([float(v) for v in a.ravel()])
    moved = np.moveaxis(a, axis, -1)
    flat = moved.reshape(-1, moved.shape[-1])
    out = np.array([_lse([float(v) for v in row]) for row in flat], dtype=np.float64)
    return out.reshape(moved.shape[:-1])
