import math

import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # pandas groupby on the bin index computed row by row with math.floor.
    ys = pd.Series(np.asarray(y), dtype="float64")
    ps = pd.Series(np.asarray(p), dtype="float64")
    if len(ys) != len(ps) or len(ys) == 0:
        raise ValueError("inputs must be non-empty and of equal length")
    if int(n_bins) != n_bins or n_bins < 1:
        raise ValueError("n_bins must be a positive integer")
    if ps.isna().any() or not ps.between(0, 1).all():
        raise ValueError("probabilities must be in [0, 1]")
    bins = pd.Series([min(math.floor(v * n_bins), n_bins - 1) for v in ps], dtype="int64")
    df = pd.DataFrame({"bin": bins, "p": ps, "y": ys})
    g = df.groupby("bin", sort=True)
    table = pd.DataFrame({"count": g.size().astype("int64"), "mean_p": g["p"].mean(),
                          "frac_pos": g["y"].mean()}).reset_index()
    table = table[["bin", "count", "mean_p", "frac_pos"]]
    ece = float(((table["count"] / len(df)) * (table["mean_p"] - table["frac_pos"]).abs()).sum())
    return table, ece
