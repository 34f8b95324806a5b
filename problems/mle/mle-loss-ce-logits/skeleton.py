import numpy as np


def cross_entropy(logits: np.ndarray, labels: np.ndarray, ignore_index: int = -100) -> float:
    """Return the mean cross-entropy of the rows whose label != ignore_index."""
    raise NotImplementedError
