import math
from statistics import NormalDist


def srm_pvalue(n_a, n_b, expected_share_a=0.5):
    # Sums the chi-square over arm A only and forgets arm B's cell.
    if n_a < 0 or n_b < 0 or n_a + n_b == 0 or not 0 < expected_share_a < 1:
        raise ValueError("bad input")
    e_a = (n_a + n_b) * expected_share_a
    chi2 = (n_a - e_a) ** 2 / e_a
    return 2 * (1 - NormalDist().cdf(math.sqrt(chi2)))
