import math
from statistics import NormalDist


def wilson_interval(successes, n, conf=0.95):
    # Invert the score test numerically: the bounds are where |p_hat - p| / sqrt(p(1-p)/n) = z.
    if n < 1 or successes < 0 or successes > n:
        raise ValueError("need n >= 1 and 0 <= successes <= n")
    if not (0 < conf < 1):
        raise ValueError("conf must be in (0, 1)")
    ph = successes / n
    z = NormalDist().inv_cdf(1 - (1 - conf) / 2)

    def excess(p):  # negative inside the interval, positive outside
        return (ph - p) ** 2 - z * z * p * (1 - p) / n

    def root(inside, outside):
        for _ in range(200):
            mid = (inside + outside) / 2
            if excess(mid) <= 0:
                inside = mid
            else:
                outside = mid
        return (inside + outside) / 2

    lower = 0.0 if successes == 0 else root(ph, 0.0)
    upper = 1.0 if successes == n else root(ph, 1.0)
    return lower, upper
