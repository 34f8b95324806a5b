import math
from statistics import NormalDist

import numpy as np


def mean_ci(x, conf=0.95):
    # Population standard deviation (ddof=0) instead of the sample one.
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 1 or x.size < 2:
        raise ValueError("need a 1-D array with at least two values")
    if not 0.0 < conf < 1.0:
        raise ValueError("conf must lie strictly between 0 and 1")
    z = NormalDist().inv_cdf(0.5 + conf / 2.0)
    m = float(np.mean(x))
    half = z * float(np.std(x)) / math.sqrt(x.size)
    return m - half, m + half
