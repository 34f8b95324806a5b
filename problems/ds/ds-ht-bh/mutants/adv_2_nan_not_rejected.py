# breaks: nan-raises
# adversary (a1): range check with comparisons only; NaN compares False and slips through (class 1)
import numpy as np


def bh_reject(pvals: np.ndarray, q: float = 0.05) -> np.ndarray:
    """BH step-up; range check with comparisons only (NaN compares False and slips through)."""
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.size == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any((p < 0) | (p > 1)):
        raise ValueError("p-values must be in [0, 1]")
    if not (0 < q < 1):
        raise ValueError("q must be strictly between 0 and 1")
    m = p.size
    sorted_p = np.sort(p)
    ok = np.nonzero(sorted_p <= np.arange(1, m + 1) * q / m)[0]
    if ok.size == 0:
        return np.zeros(m, dtype=bool)
    return p <= sorted_p[ok[-1]]
