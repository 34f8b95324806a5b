# breaks: large-counts
# adversary (a1): margins and their outer product kept in the table's integer dtype, which overflows for large counts (class 2)
import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square; margins and their outer product kept in the table's dtype before dividing."""
    t = np.asarray(table)
    if t.ndim != 2:
        raise ValueError("table must be 2-D")
    r, c = t.shape
    if r < 2 or c < 2:
        raise ValueError("table needs at least 2 rows and 2 columns")
    if (t < 0).any():
        raise ValueError("counts must be non-negative")
    row = t.sum(axis=1)
    col = t.sum(axis=0)
    if (row == 0).any() or (col == 0).any():
        raise ValueError("a row or a column is all zero")
    expected = np.outer(row, col) / t.sum()
    stat = float(((t - expected) ** 2 / expected).sum())
    return stat, (r - 1) * (c - 1), expected
