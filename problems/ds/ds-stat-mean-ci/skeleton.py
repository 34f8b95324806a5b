import numpy as np


def mean_ci(x: np.ndarray, conf: float = 0.95) -> tuple[float, float]:
    """Return (lower, upper), the two-sided normal-approximation confidence interval for the mean of x."""
    raise NotImplementedError
