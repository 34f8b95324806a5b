import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins=10):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    if y.ndim != 1 or p.ndim != 1 or y.size == 0 or y.size != p.size:
        raise ValueError("inputs must be non-empty 1-D arrays of the same length")
    if np.any(np.isnan(p)) or np.any(p < 0) or np.any(p > 1):
        raise ValueError("p must be in [0, 1]")
    if int(n_bins) != n_bins or n_bins < 1:
        raise ValueError("n_bins must be a positive int")
    B = int(n_bins)
    idx = np.minimum(np.floor(p * B).astype(np.int64), B - 1)
    df = pd.DataFrame({"bin": idx, "p": p, "y": (y == 1).astype(np.float64)})
    g = df.groupby("bin", sort=True)
    table = pd.DataFrame({
        "bin": np.asarray(g.size().index, dtype=np.int64),
        "count": g.size().to_numpy().astype(np.int64),
        "mean_p": g["p"].mean().to_numpy(dtype=np.float64),
        "frac_pos": g["y"].mean().to_numpy(dtype=np.float64),
    })
    ece = float(np.sum(table["count"] * np.abs(table["mean_p"] - table["frac_pos"])) / p.size)
    return table, ece
