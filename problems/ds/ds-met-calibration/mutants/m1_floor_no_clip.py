# breaks: one-in-last-bin
import numpy as np
import pandas as pd


def _table(y, p, idx, n_slots):
    count = np.bincount(idx, minlength=n_slots)
    sp = np.bincount(idx, weights=p, minlength=n_slots)
    sy = np.bincount(idx, weights=y, minlength=n_slots)
    keep = count > 0
    return pd.DataFrame({"bin": np.flatnonzero(keep).astype(np.int64), "count": count[keep].astype(np.int64),
                         "mean_p": sp[keep] / count[keep], "frac_pos": sy[keep] / count[keep]})


def _check(y, p, n_bins):
    y = np.asarray(y, dtype=float)
    p = np.asarray(p, dtype=float)
    if y.shape != p.shape or y.size == 0 or n_bins < 1 or np.any((p < 0) | (p > 1)) or np.isnan(p).any():
        raise ValueError("bad input")
    return y, p


def _ece(t, n):
    return float(np.sum(t["count"] / n * np.abs(t["mean_p"] - t["frac_pos"])))


def calibration_table(y, p, n_bins=10):
    # floor(p * B) without clipping: p = 1.0 lands in an extra bin B.
    y, p = _check(y, p, n_bins)
    idx = np.floor(p * n_bins).astype(np.int64)
    t = _table(y, p, idx, n_bins + 1)
    return t, _ece(t, y.size)
