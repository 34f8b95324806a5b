import math

import numpy as np


def block_bootstrap_se(x: np.ndarray, block_len: int, n_boot: int, rng: np.random.Generator) -> float:
    """Moving-block bootstrap standard error of the mean of the series x."""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if not 1 <= block_len <= n:
        raise ValueError("block_len must be between 1 and len(x)")
    if n_boot < 2:
        raise ValueError("n_boot must be at least 2")
    k = math.ceil(n / block_len)
    # Starts drawn from [0, n - 1]; blocks wrap around to the beginning of the series.
    starts = rng.integers(0, n, size=(n_boot, k))
    idx = (starts[:, :, None] + np.arange(block_len)).reshape(n_boot, k * block_len)[:, :n] % n
    return float(np.std(x[idx].mean(axis=1), ddof=1))
