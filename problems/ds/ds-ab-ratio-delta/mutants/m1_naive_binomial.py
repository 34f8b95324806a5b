import numpy as np


def ratio_se(num, den):
    # Treats every view as an independent Bernoulli trial: sqrt(p (1 - p) / total views).
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    if num.size != den.size or num.size < 2 or den.mean() == 0:
        raise ValueError("bad input")
    p = num.sum() / den.sum()
    return float(np.sqrt(p * (1 - p) / den.sum()))
