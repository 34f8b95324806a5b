import numpy as np


def ratio_se(num, den):
    # Population (ddof = 0) variances and covariance instead of sample ones.
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.size != den.size or num.size < 2 or den.mean() == 0:
        raise ValueError("bad input")
    n = num.size
    r = num.mean() / den.mean()
    cov = np.cov(num, den, bias=True)[0, 1]
    var = (num.var() - 2 * r * cov + r * r * den.var()) / (n * den.mean() ** 2)
    return float(np.sqrt(max(var, 0.0)))
