import numpy as np


def bootstrap_oob(n: int, n_estimators: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap index sets (n_estimators, n) drawn with replacement, and their out-of-bag masks."""
    if n < 1 or n_estimators < 0:
        raise ValueError("need n >= 1 and n_estimators >= 0")
    indices = rng.integers(0, n, size=(n_estimators, n), dtype=np.int64)
    in_bag = np.zeros((n_estimators, n), dtype=bool)
    in_bag[np.arange(n_estimators)[:, None], indices] = True
    return indices, ~in_bag
