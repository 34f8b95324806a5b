import numpy as np


def kl_div(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """KL(p || q) = sum p * log(p / q) over the last axis, with 0 log 0 = 0 and p > 0, q = 0 giving inf."""
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    terms = np.zeros(p.shape)
    pos = p > 0
    both = pos & (q > 0)                     # only here is log(p / q) finite
    terms[both] = p[both] * np.log(p[both] / q[both])
    terms[pos & (q == 0)] = np.inf           # mass where q has none
    return np.sum(terms, axis=-1)            # p = 0 terms stay 0
