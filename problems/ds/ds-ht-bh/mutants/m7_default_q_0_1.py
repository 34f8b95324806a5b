# breaks: default-q
import numpy as np


def bh_reject(pvals, q=0.1):
    # Default level 0.1 instead of 0.05.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p-values must lie in [0, 1]")
    if not 0 < q < 1:
        raise ValueError("q must lie strictly between 0 and 1")
    m = p.size
    ps = np.sort(p)
    ok = np.nonzero(ps <= np.arange(1, m + 1) * q / m)[0]
    if ok.size == 0:
        return np.zeros(m, dtype=bool)
    return p <= ps[ok[-1]]
