# breaks: zero-margin-raises
# adversary (a1): an all-zero row is rejected, an all-zero column is not (class 1)
import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square; an all-zero row is rejected, an all-zero column is not."""
    t = np.asarray(table, dtype=np.float64)
    if t.ndim != 2:
        raise ValueError("table must be 2-D")
    r, c = t.shape
    if r < 2 or c < 2:
        raise ValueError("table needs at least 2 rows and 2 columns")
    if (t < 0).any():
        raise ValueError("counts must be non-negative")
    row = t.sum(axis=1)
    if (row == 0).any():
        raise ValueError("a row is all zero")
    col = t.sum(axis=0)
    expected = np.outer(row, col) / row.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        cells = np.where(expected > 0, (t - expected) ** 2 / expected, 0.0)
    return float(cells.sum()), (r - 1) * (c - 1), expected
