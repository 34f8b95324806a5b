# breaks: x-range-raises
# adversary: breaks "raise ValueError when ... conversions ... exceed the arm size"
# class: 1
import math
from statistics import NormalDist


def diff_ci(x_c: int, n_c: int, x_t: int, n_t: int, conf: float = 0.95) -> tuple[float, float, float]:
    """(diff, lower, upper) with the unpooled SE; only negatives, n < 1 and conf are validated."""
    if n_c < 1 or n_t < 1:
        raise ValueError("each arm needs at least one user")
    if x_c < 0 or x_t < 0:
        raise ValueError("conversions must be non-negative")
    if not (0.0 < conf < 1.0):
        raise ValueError("conf must be strictly between 0 and 1")
    p_c = x_c / n_c
    p_t = x_t / n_t
    diff = p_t - p_c
    se = math.sqrt(p_c * (1 - p_c) / n_c + p_t * (1 - p_t) / n_t)
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    return (float(diff), float(diff - z * se), float(diff + z * se))
