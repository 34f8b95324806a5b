from typing import Callable

import numpy as np


def jackknife_se(x: np.ndarray, stat: Callable[[np.ndarray], float]) -> float:
    """Return the leave-one-out jackknife standard error of stat(x)."""
    raise NotImplementedError
