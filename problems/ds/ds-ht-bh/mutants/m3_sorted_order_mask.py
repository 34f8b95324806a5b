# breaks: input-order
import numpy as np


def bh_reject(pvals, q=0.05):
    # Right procedure, but the mask is returned in sorted order instead of the input order.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)) or not 0 < q < 1:
        raise ValueError("bad input")
    m = p.size
    ps = np.sort(p)
    passed = np.nonzero(ps <= np.arange(1, m + 1) * q / m)[0]
    reject = np.zeros(m, dtype=bool)
    if passed.size:
        reject[: passed[-1] + 1] = True
    return reject
