import math
from statistics import NormalDist


def n_per_arm(p0: float, mde: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Users per arm for a two-sided two-proportion z-test to detect p0 -> p0 + mde."""
    if not 0.0 < p0 < 1.0:
        raise ValueError("p0 must lie strictly between 0 and 1")
    if not mde > 0.0:
        raise ValueError("mde must be positive")
    p1 = p0 + mde
    if p1 >= 1.0:
        raise ValueError("p0 + mde must be below 1")
    if not 0.0 < alpha < 1.0:
        raise ValueError("alpha must lie strictly between 0 and 1")
    if not 0.0 < power < 1.0:
        raise ValueError("power must lie strictly between 0 and 1")
    z = NormalDist()
    z_sum = z.inv_cdf(1.0 - alpha / 2.0) + z.inv_cdf(power)
    n = z_sum ** 2 * (p0 * (1.0 - p0) + p1 * (1.0 - p1)) / mde ** 2
    return int(math.ceil(n))
