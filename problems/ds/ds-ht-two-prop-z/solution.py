import math
from statistics import NormalDist

_ALTERNATIVES = ("two-sided", "larger", "smaller")


def two_prop_ztest(x1: int, n1: int, x2: int, n2: int, alternative: str = "two-sided") -> tuple[float, float]:
    """Pooled two-proportion z-test: z = (p2 - p1) / SE and its p-value from the standard normal."""
    if alternative not in _ALTERNATIVES:
        raise ValueError(f"alternative must be one of {_ALTERNATIVES}")
    x1, n1, x2, n2 = int(x1), int(n1), int(x2), int(n2)
    if n1 < 1 or n2 < 1:
        raise ValueError("each group needs at least one trial")
    if not (0 <= x1 <= n1 and 0 <= x2 <= n2):
        raise ValueError("successes must lie between 0 and the number of trials")
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    var = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)
    z = 0.0 if p1 == p2 or var == 0.0 else (p2 - p1) / math.sqrt(var)
    nd = NormalDist()
    if alternative == "two-sided":
        p = 2.0 * nd.cdf(-abs(z))
    elif alternative == "larger":
        p = nd.cdf(-z)
    else:
        p = nd.cdf(z)
    return float(z), float(p)
