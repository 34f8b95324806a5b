import numpy as np


def ks_stat(a: np.ndarray, b: np.ndarray) -> float:
    """Two-sample Kolmogorov-Smirnov statistic: max over pooled points t of |F_a(t) - F_b(t)|."""
    raise NotImplementedError
