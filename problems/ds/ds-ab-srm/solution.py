import math
from statistics import NormalDist


def srm_pvalue(n_a: int, n_b: int, expected_share_a: float = 0.5) -> float:
    """Chi-square (1 df) goodness-of-fit p-value of the split n_a : n_b against the planned share of A."""
    if n_a < 0 or n_b < 0:
        raise ValueError("counts must be non-negative")
    total = n_a + n_b
    if total <= 0:
        raise ValueError("at least one user is needed")
    if not 0.0 < expected_share_a < 1.0:
        raise ValueError("expected_share_a must lie strictly between 0 and 1")
    e_a = total * expected_share_a
    e_b = total * (1.0 - expected_share_a)
    chi2 = (n_a - e_a) ** 2 / e_a + (n_b - e_b) ** 2 / e_b
    return float(2.0 * (1.0 - NormalDist().cdf(math.sqrt(chi2))))
