import numpy as np


def welch_t(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Return (t, df): Welch's t statistic (mean(a) - mean(b)) / se and the
    Welch-Satterthwaite degrees of freedom. Raise ValueError if a sample has
    fewer than 2 values or both samples are constant."""
    raise NotImplementedError
