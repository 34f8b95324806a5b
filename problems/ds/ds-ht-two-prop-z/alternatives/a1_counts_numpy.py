import numpy as np
from statistics import NormalDist


def two_prop_ztest(x1, n1, x2, n2, alternative="two-sided"):
    # Works on the 2x2 table of counts with numpy; p-values as upper-tail areas 1 - cdf.
    table = np.array([[x1, n1 - x1], [x2, n2 - x2]], dtype=np.float64)
    if alternative not in {"two-sided", "larger", "smaller"}:
        raise ValueError("unknown alternative: " + repr(alternative))
    if np.any(table < 0) or n1 <= 0 or n2 <= 0:
        raise ValueError("invalid counts")
    n = table.sum(axis=1)
    rates = table[:, 0] / n
    p_pool = table[:, 0].sum() / n.sum()
    se = np.sqrt(p_pool * (1 - p_pool) * np.sum(1.0 / n))
    diff = rates[1] - rates[0]
    if diff == 0:
        z = 0.0
    else:
        z = float(diff / se)
    phi = NormalDist(0.0, 1.0).cdf
    if alternative == "larger":
        p = 1.0 - phi(z)
    elif alternative == "smaller":
        p = phi(z)
    else:
        p = min(1.0, 2.0 * (1.0 - phi(abs(z))))
    return (z, p)
