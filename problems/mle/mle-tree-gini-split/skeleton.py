from typing import Optional

import numpy as np


def best_split(x: np.ndarray, y: np.ndarray) -> tuple[Optional[float], float]:
    """Best midpoint threshold on feature x by Gini gain.

    x: 1-D float array (any order, may repeat values); y: 1-D integer labels of the same length.
    Returns (threshold, gain); ties (within 1e-12) go to the smallest threshold;
    returns (None, 0.0) when there is no candidate or no positive gain.
    """
    raise NotImplementedError
