import numpy as np


def bootstrap_oob(n: int, n_estimators: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap indices and out-of-bag masks for bagging.

    Returns (indices, oob_mask): indices is int64 of shape (n_estimators, n), each row n draws with
    replacement from 0..n-1 using rng; oob_mask[b, i] is True exactly when i is not in indices[b].
    Raises ValueError if n < 1 or n_estimators < 0.
    """
    raise NotImplementedError
