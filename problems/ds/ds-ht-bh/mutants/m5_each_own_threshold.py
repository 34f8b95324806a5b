# breaks: step-up
import numpy as np


def bh_reject(pvals, q=0.05):
    # Rejects each p-value that passes its own threshold k q / m, without the step-up rule.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)) or not 0 < q < 1:
        raise ValueError("bad input")
    m = p.size
    order = np.argsort(p, kind="stable")
    reject = np.zeros(m, dtype=bool)
    reject[order] = p[order] <= np.arange(1, m + 1) * q / m
    return reject
