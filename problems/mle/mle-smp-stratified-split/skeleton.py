import numpy as np


def stratified_split(y: np.ndarray, test_size: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Return (train_idx, test_idx): sorted int64 index arrays; each class with n_c >= 2 rows puts
    round(test_size * n_c) rows, clipped to [1, n_c - 1], chosen at random with rng, in the test set.

    Raises ValueError if y is empty or test_size is not in (0, 1).
    """
    raise NotImplementedError
