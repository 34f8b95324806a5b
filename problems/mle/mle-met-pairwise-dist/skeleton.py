import numpy as np


def pairwise_dist(A: np.ndarray, B: np.ndarray) -> np.ndarray:
    """Return the (n, m) float64 matrix of Euclidean distances between the rows of A and of B."""
    raise NotImplementedError
