# breaks: bins
import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # pd.cut with B bins: equal width over [min(p), max(p)], not over [0, 1].
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if len(y) != len(p) or len(p) == 0:
        raise ValueError("inputs must be non-empty and of the same length")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p must be in [0, 1]")
    if n_bins < 1:
        raise ValueError("n_bins must be >= 1")
    df = pd.DataFrame({"bin": pd.cut(p, bins=n_bins, labels=False).astype(np.int64),
                       "p": p, "pos": (y == 1).astype(np.float64)})
    g = df.groupby("bin", sort=True)
    table = g.agg(count=("p", "size"), mean_p=("p", "mean"), frac_pos=("pos", "mean")).reset_index()
    table["count"] = table["count"].astype(np.int64)
    ece = float(np.sum(table["count"] / len(p) * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
