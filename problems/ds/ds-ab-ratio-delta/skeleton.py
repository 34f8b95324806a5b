import numpy as np


def ratio_se(num: np.ndarray, den: np.ndarray) -> float:
    """Delta-method SE of R = mean(num) / mean(den) from per-user arrays (sample var/cov, ddof=1).

    Var(R) ~ [var(num) - 2 R cov(num, den) + R^2 var(den)] / (n mean(den)^2).
    Raises ValueError for fewer than 2 users, different lengths, or mean(den) == 0.
    """
    raise NotImplementedError
