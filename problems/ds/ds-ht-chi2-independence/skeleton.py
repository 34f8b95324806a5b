import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square test of independence for an r x c table, without continuity correction.

    Returns (stat, dof, expected): the statistic, (r - 1)(c - 1), and the float64 expected counts.
    """
    raise NotImplementedError
