import numpy as np


def roc_auc(y_true: np.ndarray, scores: np.ndarray) -> float:
    """Probability that a random positive (y_true == 1) scores higher than a random
    negative, ties counting 1/2. Raise ValueError for a single class or different lengths.
    Must handle 10**6 rows in well under 2 s (sort-based, not all pairs)."""
    raise NotImplementedError
