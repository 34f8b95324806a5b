import math
from statistics import NormalDist


def two_prop_ztest(x1, n1, x2, n2, alternative="two-sided"):
    # Two-sided p-value is a single tail area (not doubled).
    if alternative not in ("two-sided", "larger", "smaller"):
        raise ValueError("bad alternative")
    if n1 < 1 or n2 < 1 or not (0 <= x1 <= n1 and 0 <= x2 <= n2):
        raise ValueError("bad counts")
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    var = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    z = 0.0 if p1 == p2 or var == 0 else (p2 - p1) / math.sqrt(var)
    nd = NormalDist()
    if alternative == "two-sided":
        return z, nd.cdf(-abs(z))
    if alternative == "larger":
        return z, nd.cdf(-z)
    return z, nd.cdf(z)
