import math
from statistics import NormalDist


def wilson_interval(successes, n, conf=0.95):
    # Correct formula, but impossible counts are not rejected.
    p = successes / n
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    d = 1 + z * z / n
    center = (p + z * z / (2 * n)) / d
    half = z / d * math.sqrt(abs(p * (1 - p) / n + z * z / (4 * n * n)))
    return max(0.0, center - half), min(1.0, center + half)
