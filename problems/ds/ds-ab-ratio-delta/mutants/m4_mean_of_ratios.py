import numpy as np


def ratio_se(num, den):
    # Uses the mean of per-user ratios for R instead of mean(num) / mean(den).
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.size != den.size or num.size < 2 or den.mean() == 0:
        raise ValueError("bad input")
    n = num.size
    r = np.mean(num / den)
    cov = np.cov(num, den)[0, 1]
    var = (num.var(ddof=1) - 2 * r * cov + r * r * den.var(ddof=1)) / (n * den.mean() ** 2)
    return float(np.sqrt(max(var, 0.0)))
