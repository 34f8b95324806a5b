# breaks: float-triple
import numpy as np
import math
from statistics import NormalDist


def diff_ci(x_c, n_c, x_t, n_t, conf=0.95):
    # Returns the three numbers as one NumPy array instead of a tuple.
    if n_c < 1 or n_t < 1 or not (0 <= x_c <= n_c and 0 <= x_t <= n_t) or not 0 < conf < 1:
        raise ValueError("bad input")
    p_c, p_t = x_c / n_c, x_t / n_t
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    d = p_t - p_c
    return np.array([d, d - z * se, d + z * se])
