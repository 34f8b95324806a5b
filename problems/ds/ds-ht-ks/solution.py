import numpy as np


def ks_stat(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sample KS statistic: max |F_a(t) - F_b(t)| over the pooled points, right-continuous ECDFs."""
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    if a.size == 0 or b.size == 0:
        raise ValueError("both samples must be non-empty")
    pooled = np.concatenate([a, b])
    fa = np.searchsorted(a, pooled, side="right") / a.size
    fb = np.searchsorted(b, pooled, side="right") / b.size
    return float(np.max(np.abs(fa - fb)))
