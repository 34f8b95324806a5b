import numpy as np


def paired_t(before, after):
    # Differences taken the other way round: before - after.
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    if before.shape != after.shape:
        raise ValueError("length mismatch")
    n = before.size
    if n < 2:
        raise ValueError("need at least two pairs")
    d = before - after
    sd = d.std(ddof=1)
    if sd == 0:
        raise ValueError("zero variance")
    return float(d.mean() / (sd / np.sqrt(n))), n - 1
