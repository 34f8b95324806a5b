import numpy as np
import pandas as pd


def chi2_independence(table):
    # pandas margins and explicit loops over the cells.
    arr = np.asarray(table)
    if arr.ndim != 2:
        raise ValueError("need a 2-D table")
    df = pd.DataFrame(arr.astype(float))
    r, c = df.shape
    if r < 2 or c < 2:
        raise ValueError("need at least a 2 x 2 table")
    if df.isna().any().any() or (df < 0).any().any():
        raise ValueError("negative or missing counts")
    row_tot = df.sum(axis=1)
    col_tot = df.sum(axis=0)
    if (row_tot == 0).any() or (col_tot == 0).any():
        raise ValueError("empty row or column")
    n = float(row_tot.sum())
    expected = np.empty((r, c), dtype=np.float64)
    stat = 0.0
    for i in range(r):
        for j in range(c):
            e = row_tot.iloc[i] * col_tot.iloc[j] / n
            expected[i, j] = e
            stat += (df.iat[i, j] - e) ** 2 / e
    return stat, (r - 1) * (c - 1), expected
