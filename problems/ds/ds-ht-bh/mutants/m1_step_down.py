# breaks: step-up
import numpy as np


def bh_reject(pvals, q=0.05):
    # Step-down: walks up from the smallest p-value and stops at the first one above its threshold.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)) or not 0 < q < 1:
        raise ValueError("bad input")
    m = p.size
    order = np.argsort(p, kind="stable")
    reject = np.zeros(m, dtype=bool)
    for k, i in enumerate(order, start=1):
        if p[i] > k * q / m:
            break
        reject[i] = True
    return reject
