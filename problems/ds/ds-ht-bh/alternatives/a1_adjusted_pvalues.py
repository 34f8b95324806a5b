import math

import numpy as np


def bh_reject(pvals, q=0.05):
    # Plain Python: BH-adjusted p-values (reverse running minimum of p * m / rank), reject where <= q.
    ps = [float(v) for v in np.asarray(pvals).ravel()]
    if np.ndim(pvals) != 1 or not ps:
        raise ValueError("need a non-empty 1-D array of p-values")
    if any(math.isnan(v) or v < 0.0 or v > 1.0 for v in ps):
        raise ValueError("p-values must be in [0, 1]")
    if q <= 0 or q >= 1:
        raise ValueError("q must be in (0, 1)")
    m = len(ps)
    idx = sorted(range(m), key=lambda i: ps[i])
    adjusted = [0.0] * m
    running = math.inf
    for rank in range(m, 0, -1):
        i = idx[rank - 1]
        running = min(running, ps[i] * m / rank)
        adjusted[i] = running
    return np.array([a <= q for a in adjusted], dtype=bool)
