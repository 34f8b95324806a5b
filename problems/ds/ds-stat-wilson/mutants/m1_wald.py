import math
from statistics import NormalDist


def wilson_interval(successes, n, conf=0.95):
    # The Wald interval p_hat +/- z sqrt(p_hat (1 - p_hat) / n), clipped to [0, 1].
    if n < 1 or successes < 0 or successes > n:
        raise ValueError("bad counts")
    if not 0 < conf < 1:
        raise ValueError("bad conf")
    p = successes / n
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)
    half = z * math.sqrt(p * (1 - p) / n)
    return max(0.0, p - half), min(1.0, p + half)
