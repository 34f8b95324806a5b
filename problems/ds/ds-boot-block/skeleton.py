import math

import numpy as np


def block_bootstrap_se(x: np.ndarray, block_len: int, n_boot: int, rng: np.random.Generator) -> float:
    """Moving-block bootstrap SE of the mean: ceil(n/L) blocks with starts uniform on 0..n-L, cut to n values."""
    raise NotImplementedError
