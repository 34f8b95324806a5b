import numpy as np


def softmax(z: np.ndarray, axis: int = -1) -> np.ndarray:
    """Return the softmax of `z` along `axis` (same shape and dtype as `z`)."""
    raise NotImplementedError
