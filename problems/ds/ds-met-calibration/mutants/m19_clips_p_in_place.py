# breaks: inputs-unchanged
import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    # Moves p = 1.0 into the last bin by clipping the caller's array in place to just below 1.
    y = np.asarray(y)
    p = np.asarray(p)
    if y.shape != p.shape or p.size == 0 or n_bins < 1:
        raise ValueError("bad input")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p must be in [0, 1]")
    np.clip(p, 0.0, np.nextafter(1.0, 0.0), out=p)
    idx = np.floor(p.astype(np.float64) * n_bins).astype(np.int64)
    count = np.bincount(idx, minlength=n_bins)
    sum_p = np.bincount(idx, weights=p.astype(np.float64), minlength=n_bins)
    sum_y = np.bincount(idx, weights=(y == 1).astype(np.float64), minlength=n_bins)
    keep = count > 0
    table = pd.DataFrame({"bin": np.flatnonzero(keep).astype(np.int64), "count": count[keep].astype(np.int64),
                          "mean_p": sum_p[keep] / count[keep], "frac_pos": sum_y[keep] / count[keep]})
    ece = float(np.sum(table["count"] / p.size * np.abs(table["mean_p"] - table["frac_pos"])))
    return table, ece
