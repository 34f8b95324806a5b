# breaks: step-up
import numpy as np


def bh_reject(pvals, q=0.05):
    # Bonferroni: one threshold q / m for every p-value.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0 or np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)) or not 0 < q < 1:
        raise ValueError("bad input")
    return p <= q / p.size
