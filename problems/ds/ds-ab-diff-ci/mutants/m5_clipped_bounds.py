# breaks: no-clipping
import math
from statistics import NormalDist


def diff_ci(x_c, n_c, x_t, n_t, conf=0.95):
    # Clips the bounds to [-1, 1], the range a difference of rates can take.
    if n_c < 1 or n_t < 1 or not (0 <= x_c <= n_c and 0 <= x_t <= n_t) or not 0 < conf < 1:
        raise ValueError("bad input")
    p_c, p_t = x_c / n_c, x_t / n_t
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    d = p_t - p_c
    return d, max(-1.0, d - z * se), min(1.0, d + z * se)
