import numpy as np


def paired_t(before: np.ndarray, after: np.ndarray) -> tuple[float, int]:
    """Paired t statistic on d = after - before, and its degrees of freedom n - 1."""
    before = np.asarray(before, dtype=np.float64)
    after = np.asarray(after, dtype=np.float64)
    if before.ndim != 1 or after.ndim != 1 or before.shape != after.shape:
        raise ValueError("before and after must be 1-D arrays of the same length")
    n = before.size
    if n < 2:
        raise ValueError("need at least two pairs")
    d = after - before
    sd = d.std(ddof=1)
    if sd == 0:
        raise ValueError("the differences have zero variance: the statistic is undefined")
    t = d.mean() / (sd / np.sqrt(n))
    return float(t), n - 1
