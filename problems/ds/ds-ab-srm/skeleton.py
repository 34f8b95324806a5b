import math
from statistics import NormalDist


def srm_pvalue(n_a: int, n_b: int, expected_share_a: float = 0.5) -> float:
    """Chi-square (1 df) goodness-of-fit p-value of the observed split n_a : n_b against the plan.

    expected_share_a is the planned share of arm A. p = 2 * (1 - Phi(sqrt(chi2))).
    Raises ValueError for a zero total, negative counts, or a share outside (0, 1).
    """
    raise NotImplementedError
