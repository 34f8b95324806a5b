import numpy as np
import pandas as pd


def calibration_table(y, p, n_bins: int = 10) -> tuple[pd.DataFrame, float]:
    """Reliability table over equal-width bins [i/B, (i+1)/B) (1.0 in the last bin) and the ECE."""
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    if y.ndim != 1 or p.shape != y.shape:
        raise ValueError("y and p must be 1-D with the same length")
    if y.size == 0:
        raise ValueError("empty input")
    if not isinstance(n_bins, (int, np.integer)) or isinstance(n_bins, bool) or n_bins < 1:
        raise ValueError("n_bins must be a positive integer")
    if np.any(np.isnan(p)) or np.any((p < 0) | (p > 1)):
        raise ValueError("p must lie in [0, 1]")
    idx = np.minimum(np.floor(p * n_bins).astype(np.int64), n_bins - 1)
    count = np.bincount(idx, minlength=n_bins)
    sum_p = np.bincount(idx, weights=p, minlength=n_bins)
    sum_y = np.bincount(idx, weights=y, minlength=n_bins)
    keep = count > 0
    c = count[keep]
    table = pd.DataFrame({
        "bin": np.flatnonzero(keep).astype(np.int64),
        "count": c.astype(np.int64),
        "mean_p": sum_p[keep] / c,
        "frac_pos": sum_y[keep] / c,
    })
    ece = float(np.sum(c / y.size * np.abs(table["mean_p"].to_numpy() - table["frac_pos"].to_numpy())))
    return table, ece
