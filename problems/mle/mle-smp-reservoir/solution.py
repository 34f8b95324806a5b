import numpy as np


def reservoir_sample(iterable, k: int, rng: np.random.Generator) -> list:
    """k items chosen uniformly at random (without replacement) from `iterable` in one pass."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 0:
        raise ValueError("k must be a non-negative integer")
    reservoir = []
    for i, item in enumerate(iterable):
        if i < k:
            reservoir.append(item)
        else:
            j = int(rng.integers(0, i + 1))  # uniform on 0..i
            if j < k:
                reservoir[j] = item
    return reservoir
