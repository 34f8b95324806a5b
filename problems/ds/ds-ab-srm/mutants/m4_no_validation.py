import math
from statistics import NormalDist


def srm_pvalue(n_a, n_b, expected_share_a=0.5):
    # Correct formula without input checks: share 0 or 1 divides by zero, negative counts pass.
    n = n_a + n_b
    e_a, e_b = n * expected_share_a, n * (1 - expected_share_a)
    chi2 = (n_a - e_a) ** 2 / e_a + (n_b - e_b) ** 2 / e_b
    return 2 * (1 - NormalDist().cdf(math.sqrt(chi2)))
