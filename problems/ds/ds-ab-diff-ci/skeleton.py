import math
from statistics import NormalDist


def diff_ci(x_c: int, n_c: int, x_t: int, n_t: int, conf: float = 0.95) -> tuple[float, float, float]:
    """(diff, lower, upper): treatment rate minus control rate and its two-sided normal CI.

    Uses the unpooled standard error sqrt(p_c(1-p_c)/n_c + p_t(1-p_t)/n_t).
    Raises ValueError for n < 1, conversions outside [0, n], or conf outside (0, 1).
    """
    raise NotImplementedError
