# breaks: column-dtypes
import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # Counts summed from a column of ones, so count is float64.
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if len(y) != len(p) or len(p) == 0:
        raise ValueError("inputs must be non-empty and of the same length")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p must be in [0, 1]")
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    df = pd.DataFrame({"bin": np.minimum(np.floor(p * n_bins), n_bins - 1).astype(np.int64),
                       "p": p, "pos": (y == 1).astype(np.float64), "one": 1.0})
    g = df.groupby("bin", sort=True)
    table = g.agg(count=("one", "sum"), mean_p=("p", "mean"), frac_pos=("pos", "mean")).reset_index()
    ece = float(np.sum(table["count"] / len(p) * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
