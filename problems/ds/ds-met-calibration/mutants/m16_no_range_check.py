# breaks: p-range-raises
import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # No range check on p: p > 1 lands in the last bin, p < 0 in a negative bin.
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if len(y) != len(p) or len(p) == 0:
        raise ValueError("inputs must be non-empty and of the same length")
    if np.isnan(p).any():
        raise ValueError("p must be in [0, 1]")
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    df = pd.DataFrame({"bin": np.minimum(np.floor(p * n_bins), n_bins - 1).astype(np.int64),
                       "p": p, "pos": (y == 1).astype(np.float64)})
    g = df.groupby("bin", sort=True)
    table = g.agg(count=("p", "size"), mean_p=("p", "mean"), frac_pos=("pos", "mean")).reset_index()
    table["count"] = table["count"].astype(np.int64)
    ece = float(np.sum(table["count"] / len(p) * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
