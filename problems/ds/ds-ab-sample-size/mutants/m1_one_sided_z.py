import math
from statistics import NormalDist


def n_per_arm(p0, mde, alpha=0.05, power=0.8):
    # One-sided critical value z(1 - alpha) instead of z(1 - alpha/2).
    if not 0 < p0 < 1 or mde <= 0 or not 0 < alpha < 1 or not 0 < power < 1:
        raise ValueError("bad arguments")
    p1 = p0 + mde
    if p1 >= 1:
        raise ValueError("p1 >= 1")
    z = NormalDist()
    n = (z.inv_cdf(1 - alpha) + z.inv_cdf(power)) ** 2 * (p0 * (1 - p0) + p1 * (1 - p1)) / mde ** 2
    return math.ceil(n)
