import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square statistic, degrees of freedom and expected counts (no continuity correction)."""
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or obs.shape[0] < 2 or obs.shape[1] < 2:
        raise ValueError("table must be a 2-D array with at least 2 rows and 2 columns")
    if not np.all(np.isfinite(obs)) or np.any(obs < 0):
        raise ValueError("counts must be finite and non-negative")
    rows = obs.sum(axis=1)
    cols = obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("a row or column with all zeros gives an expected count of zero")
    expected = np.outer(rows, cols) / obs.sum()
    stat = float(np.sum((obs - expected) ** 2 / expected))
    dof = (obs.shape[0] - 1) * (obs.shape[1] - 1)
    return stat, int(dof), expected
