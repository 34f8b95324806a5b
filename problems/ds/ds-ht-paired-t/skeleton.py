import numpy as np


def paired_t(before: np.ndarray, after: np.ndarray) -> tuple[float, int]:
    """Return (t, df): the paired t statistic on the differences after - before and its degrees of freedom."""
    raise NotImplementedError
