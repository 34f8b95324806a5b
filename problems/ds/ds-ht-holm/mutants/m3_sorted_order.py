import numpy as np


def holm_adjust(pvals):
    # Adjusted values returned in sorted order instead of the input order.
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p-values must lie in [0, 1]")
    m = p.size
    order = np.argsort(p, kind="stable")
    scaled = (m - np.arange(m)) * p[order]          # i-th smallest (1-based i) times m - i + 1
    adjusted_sorted = np.minimum(np.maximum.accumulate(scaled), 1.0)
    return adjusted_sorted
