import math
from statistics import NormalDist


def wilson_interval(successes, n, conf=0.95):
    # z is the one-sided quantile inv_cdf(conf) (1.645 at 95%) instead of inv_cdf(1 - (1-conf)/2).
    if n < 1 or successes < 0 or successes > n:
        raise ValueError("bad counts")
    if not 0 < conf < 1:
        raise ValueError("bad conf")
    p = successes / n
    z = NormalDist().inv_cdf(conf)
    d = 1 + z * z / n
    center = (p + z * z / (2 * n)) / d
    half = z / d * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, center - half), min(1.0, center + half)
