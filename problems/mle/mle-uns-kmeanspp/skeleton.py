import numpy as np


def kmeanspp_init(X: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    """Choose k initial centroids from the rows of X with the k-means++ (D^2) rule, drawing from rng."""
    raise NotImplementedError
