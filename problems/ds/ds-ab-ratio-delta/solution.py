import numpy as np


def ratio_se(num: np.ndarray, den: np.ndarray) -> float:
    """Delta-method standard error of R = mean(num) / mean(den) from per-user numerators and denominators."""
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.ndim != 1 or den.ndim != 1 or num.size != den.size:
        raise ValueError("num and den must be 1-D arrays of the same length")
    n = num.size
    if n < 2:
        raise ValueError("at least two users are needed")
    mu_num, mu_den = num.mean(), den.mean()
    if mu_den == 0:
        raise ValueError("mean(den) must not be zero")
    r = mu_num / mu_den
    dn, dd = num - mu_num, den - mu_den
    var_num = dn @ dn / (n - 1)
    var_den = dd @ dd / (n - 1)
    cov = dn @ dd / (n - 1)
    var_r = (var_num - 2.0 * r * cov + r * r * var_den) / (n * mu_den * mu_den)
    return float(np.sqrt(max(var_r, 0.0)))
