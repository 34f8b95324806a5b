from typing import Callable

import numpy as np


def jackknife_se(x: np.ndarray, stat: Callable[[np.ndarray], float]) -> float:
    """Leave-one-out jackknife standard error of stat(x): sqrt((n - 1)/n * sum (theta_i - theta_bar)^2)."""
    raise NotImplementedError
