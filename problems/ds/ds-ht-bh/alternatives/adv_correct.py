import numpy as np


def bh_reject(pvals: np.ndarray, q: float = 0.05) -> np.ndarray:
    """Benjamini-Hochberg step-up procedure at false discovery rate q.

    Returns a bool array in the input order: True where the hypothesis is rejected.
    """
    p = np.asarray(pvals, dtype=np.float64)
    if p.ndim != 1 or p.shape[0] == 0:
        raise ValueError("pvals must be a non-empty 1-D array")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p-values must be in [0, 1] and not NaN")
    if not (0.0 < q < 1.0):
        raise ValueError("q must be strictly between 0 and 1")
    m = p.shape[0]
    sorted_p = np.sort(p, kind="stable")
    ranks = np.arange(1, m + 1, dtype=np.float64)
    passing = np.nonzero(sorted_p <= ranks * q / m)[0]
    if passing.size == 0:
        return np.zeros(m, dtype=bool)
    cutoff = sorted_p[passing[-1]]        # p_(k); ties with it share the decision
    return p <= cutoff
