import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square test of independence: returns (stat, dof, expected) for an r x c table."""
    raise NotImplementedError
