from typing import Callable

import numpy as np


def bootstrap_ci(x: np.ndarray, stat: Callable[[np.ndarray], float], n_boot: int, conf: float,
                 rng: np.random.Generator) -> tuple[float, float]:
    """Percentile bootstrap interval for stat(x): n_boot resamples of size n drawn with replacement using rng."""
    raise NotImplementedError
