import numpy as np


def chi2_independence(table: np.ndarray) -> tuple[float, int, np.ndarray]:
    """Pearson chi-square test of independence for an r x c table, without continuity correction.

    Returns (stat, dof, expected): the statistic, (r - 1)(c - 1), and the float64 expected counts.
    """
    t = np.asarray(table)
    if t.ndim != 2:
        raise ValueError("table must be 2-D")
    r, c = t.shape
    if r < 2 or c < 2:
        raise ValueError("table needs at least 2 rows and 2 columns")
    t = t.astype(np.float64)               # a copy; float avoids integer overflow in R_i * C_j
    if np.isnan(t).any():
        raise ValueError("table holds NaN")
    if (t < 0).any():
        raise ValueError("counts must be non-negative")
    row = t.sum(axis=1)
    col = t.sum(axis=0)
    if (row == 0).any() or (col == 0).any():
        raise ValueError("a row or a column is all zero")
    n = row.sum()
    expected = np.outer(row, col) / n
    stat = float(((t - expected) ** 2 / expected).sum())
    return stat, int((r - 1) * (c - 1)), expected
