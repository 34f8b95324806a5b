import numpy as np


def bootstrap_diff_ci(a: np.ndarray, b: np.ndarray, stat, n_boot: int, conf: float,
                      rng: np.random.Generator) -> tuple[float, float]:
    """Percentile bootstrap interval for stat(b) - stat(a), each group resampled at its own size."""
    a = np.asarray(a)
    b = np.asarray(b)
    if a.shape[0] == 0 or b.shape[0] == 0:
        raise ValueError("both groups must be non-empty")
    if n_boot < 1:
        raise ValueError("n_boot must be at least 1")
    if not 0 < conf < 1:
        raise ValueError("conf must lie strictly between 0 and 1")
    na, nb = a.shape[0], b.shape[0]
    diffs = np.empty(n_boot)
    sa = float(stat(a))
    for k in range(n_boot):
        rb = b[rng.integers(0, nb, size=nb)]
        diffs[k] = float(stat(rb)) - sa
    alpha = 1.0 - conf
    lo, hi = np.percentile(diffs, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
