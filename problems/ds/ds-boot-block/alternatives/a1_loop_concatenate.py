import math
import statistics

import numpy as np


def block_bootstrap_se(x, block_len, n_boot, rng):
    # One resample at a time: take ceil(n / L) whole blocks, join them, cut to n values.
    values = np.array(x, dtype=float, copy=True)
    n = len(values)
    if n == 0 or block_len < 1 or block_len > n or n_boot < 2:
        raise ValueError("invalid arguments")
    k = math.ceil(n / block_len)
    means = []
    for _ in range(n_boot):
        starts = rng.integers(0, n - block_len + 1, size=k)
        sample = np.concatenate([values[s:s + block_len] for s in starts])[:n]
        means.append(float(sample.mean()))
    return statistics.stdev(means)
