import math
from statistics import NormalDist


def wilson_interval(successes: int, n: int, conf: float = 0.95) -> tuple[float, float]:
    """Two-sided Wilson score interval for successes out of n at confidence level conf."""
    if n <= 0:
        raise ValueError("n must be a positive integer")
    if successes < 0 or successes > n:
        raise ValueError("successes must lie between 0 and n")
    if not 0.0 < conf < 1.0:
        raise ValueError("conf must lie strictly between 0 and 1")
    n = int(n)
    p = int(successes) / n
    z = NormalDist().inv_cdf(1.0 - (1.0 - conf) / 2.0)
    z2 = z * z
    denom = 1.0 + z2 / n
    center = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1.0 - p) / n + z2 / (4 * n * n))
    lower = 0.0 if successes == 0 else max(0.0, center - half)
    upper = 1.0 if successes == n else min(1.0, center + half)
    return lower, upper
