import math
from statistics import NormalDist


def srm_pvalue(n_a, n_b, expected_share_a=0.5):
    # Always tests against a 50/50 split, whatever expected_share_a says.
    if n_a < 0 or n_b < 0 or n_a + n_b == 0 or not 0 < expected_share_a < 1:
        raise ValueError("bad input")
    e = (n_a + n_b) / 2
    chi2 = (n_a - e) ** 2 / e + (n_b - e) ** 2 / e
    return 2 * (1 - NormalDist().cdf(math.sqrt(chi2)))
