# breaks: inclusive
import numpy as np


def bh_reject(pvals, q=0.05):
    # Uses p < k q / m, so a p-value exactly on its threshold is not rejected.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)) or not 0 < q < 1:
        raise ValueError("bad input")
    m = p.size
    order = np.argsort(p, kind="stable")
    passed = np.nonzero(p[order] < np.arange(1, m + 1) * q / m)[0]
    reject = np.zeros(m, dtype=bool)
    if passed.size:
        reject[order[: passed[-1] + 1]] = True
    return reject
