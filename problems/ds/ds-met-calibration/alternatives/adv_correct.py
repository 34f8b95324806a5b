import numpy as np
import pandas as pd


def calibration_table(y: np.ndarray, p: np.ndarray, n_bins: int = 10) -> tuple[pd.DataFrame, float]:
    """Reliability table over equal-width bins [i/B, (i+1)/B) (p = 1.0 in the last bin),
    empty bins dropped: columns bin, count, mean_p, frac_pos. Also return the
    count-weighted ECE. Raise ValueError for bad inputs (see the statement)."""
    y = np.asarray(y)
    p = np.asarray(p, dtype=np.float64)
    if y.ndim != 1 or p.ndim != 1:
        raise ValueError("y and p must be 1-D")
    if y.shape[0] != p.shape[0]:
        raise ValueError("y and p must have the same length")
    n = p.shape[0]
    if n == 0:
        raise ValueError("inputs are empty")
    if np.isnan(p).any() or (p < 0).any() or (p > 1).any():
        raise ValueError("p must be in [0, 1]")
    if isinstance(n_bins, bool) or n_bins < 1:
        raise ValueError("n_bins must be a positive int")
    B = int(n_bins)
    idx = np.minimum(np.floor(p * B).astype(np.int64), B - 1)
    positive = (y == 1).astype(np.float64)
    counts = np.bincount(idx, minlength=B)
    sum_p = np.bincount(idx, weights=p, minlength=B)
    sum_pos = np.bincount(idx, weights=positive, minlength=B)
    keep = np.nonzero(counts)[0]
    cnt = counts[keep].astype(np.int64)
    mean_p = sum_p[keep] / cnt
    frac_pos = sum_pos[keep] / cnt
    table = pd.DataFrame({
        "bin": keep.astype(np.int64),
        "count": cnt,
        "mean_p": mean_p.astype(np.float64),
        "frac_pos": frac_pos.astype(np.float64),
    })
    ece = float(np.sum(cnt / n * np.abs(mean_p - frac_pos)))
    return table, ece
