import numpy as np


def paired_t(before: np.ndarray, after: np.ndarray) -> tuple[float, int]:
    """Paired t statistic on the differences d = after - before.

    Returns (t, df) with t = mean(d) / (sd(d, ddof=1) / sqrt(n)) and df = n - 1.
    """
    raise NotImplementedError
