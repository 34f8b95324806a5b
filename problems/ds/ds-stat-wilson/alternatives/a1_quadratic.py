import math
from statistics import NormalDist


def wilson_interval(successes, n, conf=0.95):
    # The interval is the set of p with (p_hat - p)^2 <= z^2 p (1 - p) / n:
    # the roots of (1 + z^2/n) p^2 - (2 p_hat + z^2/n) p + p_hat^2 = 0.
    if n < 1 or successes < 0 or successes > n:
        raise ValueError("need n >= 1 and 0 <= successes <= n")
    if not (0 < conf < 1):
        raise ValueError("conf must be in (0, 1)")
    ph = successes / n
    z = NormalDist().inv_cdf((1 + conf) / 2)
    a = 1 + z * z / n
    b = -(2 * ph + z * z / n)
    c = ph * ph
    disc = math.sqrt(max(b * b - 4 * a * c, 0.0))
    lo = (-b - disc) / (2 * a)
    hi = (-b + disc) / (2 * a)
    return (min(max(lo, 0.0), 1.0), min(max(hi, 0.0), 1.0))
