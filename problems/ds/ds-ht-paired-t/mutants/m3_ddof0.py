import numpy as np


def paired_t(before, after):
    # Population standard deviation (ddof=0) of the differences.
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    if before.shape != after.shape:
        raise ValueError("length mismatch")
    n = before.size
    if n < 2:
        raise ValueError("need at least two pairs")
    d = after - before
    sd = d.std()
    if sd == 0:
        raise ValueError("zero variance")
    return float(d.mean() / (sd / np.sqrt(n))), n - 1
