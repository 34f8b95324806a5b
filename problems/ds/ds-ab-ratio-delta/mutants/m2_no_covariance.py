import numpy as np


def ratio_se(num, den):
    # Drops the -2 R cov(num, den) term of the delta method.
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.size != den.size or num.size < 2 or den.mean() == 0:
        raise ValueError("bad input")
    n = num.size
    r = num.mean() / den.mean()
    var = (num.var(ddof=1) + r * r * den.var(ddof=1)) / (n * den.mean() ** 2)
    return float(np.sqrt(var))
