import numpy as np


def ratio_se(num, den):
    # Linearization: each user's influence on R is L_i = (num_i - R * den_i) / mean(den);
    # the SE of R is the SE of the mean of L (sample standard deviation / sqrt(n)).
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.shape != den.shape or num.ndim != 1:
        raise ValueError("num and den must be 1-D arrays of equal length")
    if num.size < 2:
        raise ValueError("need at least two users")
    if den.mean() == 0:
        raise ValueError("mean(den) is zero")
    r = num.mean() / den.mean()
    lin = (num - r * den) / den.mean()
    return float(lin.std(ddof=1) / np.sqrt(num.size))
