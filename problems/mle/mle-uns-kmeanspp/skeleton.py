import numpy as np


def kmeanspp_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Return k initial centroids, shape (k, d), chosen from the rows of X by k-means++ seeding."""
    raise NotImplementedError
