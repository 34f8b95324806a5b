import numpy as np


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Return the Pearson correlation of the average ranks of x and y.
    Return nan if x or y is constant; raise ValueError for different
    lengths or fewer than 2 values."""
    raise NotImplementedError
