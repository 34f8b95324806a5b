# breaks: numpy-counts
# adversary: breaks "integers (Python int or NumPy integer)" -- exact-integer variance x(n-x)/n^3 overflows for NumPy int64 and large n
# class: 2
import math
from statistics import NormalDist


def diff_ci(x_c: int, n_c: int, x_t: int, n_t: int, conf: float = 0.95) -> tuple[float, float, float]:
    """(diff, lower, upper) with the unpooled SE, the variance written as x (n - x) / n**3 per arm."""
    if n_c < 1 or n_t < 1:
        raise ValueError("each arm needs at least one user")
    if not (0 <= x_c <= n_c) or not (0 <= x_t <= n_t):
        raise ValueError("conversions must be between 0 and the arm size")
    if not (0.0 < conf < 1.0):
        raise ValueError("conf must be strictly between 0 and 1")
    diff = x_t / n_t - x_c / n_c
    var = x_c * (n_c - x_c) / n_c ** 3 + x_t * (n_t - x_t) / n_t ** 3
    se = math.sqrt(var)
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    return (float(diff), float(diff - z * se), float(diff + z * se))
