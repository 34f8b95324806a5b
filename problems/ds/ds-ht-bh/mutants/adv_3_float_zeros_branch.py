# breaks: bool-mask
# adversary (a1): the nothing-rejected branch returns float zeros (class 4)
import numpy as np


def bh_reject(pvals: np.ndarray, q: float = 0.05) -> np.ndarray:
    """BH step-up; when no rank passes, returns np.zeros(m)."""
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p-values must be in [0, 1]")
    if not (0 < q < 1):
        raise ValueError("q must be strictly between 0 and 1")
    m = p.size
    sorted_p = np.sort(p)
    ok = np.nonzero(sorted_p <= np.arange(1, m + 1) * q / m)[0]
    if ok.size == 0:
        return np.zeros(m)
    return p <= sorted_p[ok[-1]]
