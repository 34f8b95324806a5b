# breaks: input-unchanged
import numpy as np


def bh_reject(pvals, q=0.05):
    # Sorts the caller's array in place (np.asarray does not copy a float64 array).
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p-values must lie in [0, 1]")
    if not 0 < q < 1:
        raise ValueError("q must lie strictly between 0 and 1")
    m = p.size
    order = np.argsort(p, kind="stable")
    p.sort()
    ok = np.nonzero(p <= np.arange(1, m + 1) * q / m)[0]
    reject = np.zeros(m, dtype=bool)
    if ok.size:
        reject[order[: ok[-1] + 1]] = True
    return reject
