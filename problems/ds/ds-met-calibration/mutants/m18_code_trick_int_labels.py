# breaks: label-dtypes
import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # Counts (bin, label) cells with np.bincount(2 * idx + y): float labels cannot be counted this way.
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if y.shape != p.shape or p.size == 0 or n_bins < 1:
        raise ValueError("bad input")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p must be in [0, 1]")
    idx = np.minimum(np.floor(p * n_bins).astype(np.int64), n_bins - 1)
    cells = np.bincount(2 * idx + y, minlength=2 * n_bins).reshape(n_bins, 2)
    count = cells.sum(axis=1)
    sum_p = np.bincount(idx, weights=p, minlength=n_bins)
    keep = count > 0
    table = pd.DataFrame({"bin": np.flatnonzero(keep).astype(np.int64), "count": count[keep].astype(np.int64),
                          "mean_p": sum_p[keep] / count[keep], "frac_pos": cells[keep, 1] / count[keep]})
    ece = float(np.sum(table["count"] / p.size * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
