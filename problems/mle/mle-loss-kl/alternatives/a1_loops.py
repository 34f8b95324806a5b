import math

import numpy as np


def _kl(ps, qs):
    total = 0.0
    for pi, qi in zip(ps, qs):
        if pi == 0.0:
            continue                 # 0 * log(0 / q) = 0
        if qi == 0.0:
            return math.inf
        total += pi * math.log(pi / qi)
    return total


def kl_div(p, q):
    # One plain-Python loop per distribution (slice along the last axis).
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    fp = p.reshape(-1, p.shape[-1])
    fq = q.reshape(-1, q.shape[-1])
    out = np.array([_kl([float(v) for v in a], [float(v) for v in b]) for a, b in zip(fp, fq)])
    if p.ndim == 1:
        return float(out[0])
    return out.reshape(p.shape[:-1])
