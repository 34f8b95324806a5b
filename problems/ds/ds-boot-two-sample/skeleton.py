from typing import Callable

import numpy as np


def bootstrap_diff_ci(a: np.ndarray, b: np.ndarray, stat: Callable[[np.ndarray], float],
                      n_boot: int, conf: float, rng: np.random.Generator) -> tuple[float, float]:
    """Percentile bootstrap interval for stat(b) - stat(a); each group resampled with replacement at its own size."""
    raise NotImplementedError
