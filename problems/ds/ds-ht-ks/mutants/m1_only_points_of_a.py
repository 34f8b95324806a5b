import numpy as np


def ks_stat(a, b):
    a = np.sort(np.asarray(a, dtype=float))
    b = np.sort(np.asarray(b, dtype=float))
    if a.size == 0 or b.size == 0:
        raise ValueError("both samples must be non-empty")
    fa = np.searchsorted(a, a, side="right") / a.size
    fb = np.searchsorted(b, a, side="right") / b.size
    return float(np.max(np.abs(fa - fb)))
