import numpy as np


def paired_t(before, after):
    # Treats the two samples as independent (pooled two-sample t), ignoring the pairing.
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    if before.shape != after.shape:
        raise ValueError("length mismatch")
    n = before.size
    if n < 2:
        raise ValueError("need at least two pairs")
    d = after - before
    if d.std(ddof=1) == 0:
        raise ValueError("zero variance")
    sp2 = (before.var(ddof=1) + after.var(ddof=1)) / 2
    t = (after.mean() - before.mean()) / np.sqrt(sp2 * 2 / n)
    return float(t), n - 1
