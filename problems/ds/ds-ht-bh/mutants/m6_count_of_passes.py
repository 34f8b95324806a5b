# breaks: ties
import numpy as np


def bh_reject(pvals, q=0.05):
    # k = how many sorted p-values pass their threshold (a count, not the largest passing rank), then the
    # k first positions of the sort: tied p-values on both sides of k get different decisions.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p-values must lie in [0, 1]")
    if not 0 < q < 1:
        raise ValueError("q must lie strictly between 0 and 1")
    m = p.size
    order = np.argsort(p, kind="stable")
    k = int(np.sum(p[order] <= np.arange(1, m + 1) * q / m))
    reject = np.zeros(m, dtype=bool)
    reject[order[:k]] = True
    return reject
