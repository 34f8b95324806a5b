import numpy as np


def paired_t(before, after):
    # No zero-variance check: constant differences give inf or nan instead of an error.
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    if before.shape != after.shape:
        raise ValueError("length mismatch")
    n = before.size
    if n < 2:
        raise ValueError("need at least two pairs")
    d = after - before
    with np.errstate(divide="ignore", invalid="ignore"):
        t = d.mean() / (d.std(ddof=1) / np.sqrt(n))
    return float(t), n - 1
