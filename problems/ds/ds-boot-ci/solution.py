import numpy as np


def bootstrap_ci(x: np.ndarray, stat, n_boot: int, conf: float, rng: np.random.Generator) -> tuple[float, float]:
    """Percentile bootstrap interval for stat(x) from n_boot resamples of size n drawn with replacement."""
    x = np.asarray(x)
    n = x.shape[0]
    if n == 0:
        raise ValueError("x must not be empty")
    if n_boot < 1:
        raise ValueError("n_boot must be at least 1")
    if not 0 < conf < 1:
        raise ValueError("conf must lie strictly between 0 and 1")
    idx = rng.integers(0, n, size=(n_boot, n))
    stats = np.array([float(stat(x[row])) for row in idx])
    alpha = 1.0 - conf
    lo, hi = np.percentile(stats, [100 * alpha / 2, 100 * (1 - alpha / 2)])
    return float(lo), float(hi)
