import numpy as np


def welch_t(a, b):
    # No validation: a sample of size 1 gives NaN instead of raising.
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n1, n2 = a.size, b.size
    v1 = a.var(ddof=1) / n1
    v2 = b.var(ddof=1) / n2
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    return float(t), float(df)
