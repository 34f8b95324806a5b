import math
from statistics import NormalDist

import numpy as np


def mean_ci(x: np.ndarray, conf: float = 0.95) -> tuple[float, float]:
    """Return (lower, upper) = mean -/+ z * s / sqrt(n), with s the sample
    standard deviation (ddof=1) and z the two-sided normal quantile.
    Raise ValueError for fewer than 2 values or conf outside (0, 1)."""
    raise NotImplementedError
