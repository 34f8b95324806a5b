import numpy as np


def welch_t(a, b):
    # Everything right except the sign: mean(b) - mean(a).
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    n1, n2 = a.size, b.size
    if n1 < 2 or n2 < 2:
        raise ValueError("each sample needs at least two observations")
    v1 = a.var(ddof=1) / n1
    v2 = b.var(ddof=1) / n2
    if v1 + v2 == 0:
        raise ValueError("both samples are constant")
    t = (b.mean() - a.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1 ** 2 / (n1 - 1) + v2 ** 2 / (n2 - 1))
    return float(t), float(df)
