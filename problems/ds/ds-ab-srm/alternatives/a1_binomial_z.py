import numpy as np
from statistics import NormalDist


def srm_pvalue(n_a, n_b, expected_share_a=0.5):
    # Normal approximation to the binomial count of A: z = (n_a - N s) / sqrt(N s (1 - s)).
    # z^2 equals the 1-df chi-square statistic, and 2 * Phi(-|z|) is the same two-sided p-value.
    if n_a < 0 or n_b < 0 or n_a + n_b == 0:
        raise ValueError("need non-negative counts with a positive total")
    s = float(expected_share_a)
    if s <= 0 or s >= 1:
        raise ValueError("share must be in (0, 1)")
    n = float(n_a) + float(n_b)
    z = (float(n_a) - n * s) / np.sqrt(n * s * (1 - s))
    return 2 * NormalDist().cdf(-abs(float(z)))
