import math
from statistics import NormalDist


def diff_ci(x_c: int, n_c: int, x_t: int, n_t: int, conf: float = 0.95) -> tuple[float, float, float]:
    """(diff, lower, upper): treatment rate minus control rate and its two-sided normal CI.

    Uses the unpooled standard error sqrt(p_c(1-p_c)/n_c + p_t(1-p_t)/n_t).
    Raises ValueError for n < 1, conversions outside [0, n], or conf outside (0, 1).
    """
    x_c, n_c, x_t, n_t = int(x_c), int(n_c), int(x_t), int(n_t)
    if n_c < 1 or n_t < 1:
        raise ValueError("each arm needs at least one user")
    if not (0 <= x_c <= n_c) or not (0 <= x_t <= n_t):
        raise ValueError("conversions must be between 0 and the arm size")
    conf = float(conf)
    if not (0.0 < conf < 1.0):
        raise ValueError("conf must be strictly between 0 and 1")
    p_c = x_c / n_c
    p_t = x_t / n_t
    diff = p_t - p_c
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    return (diff, diff - z * se, diff + z * se)
