# breaks: magnitudes
# adversary a1 wrong_2: window sums as differences of one running cumulative sum; a huge early value cancels later small ones
import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """Window sums as differences of cumulative sums over date-sorted rows (searchsorted bounds)."""
    if df.empty:
        raise ValueError("df is empty")
    order = np.argsort(df[date_col].to_numpy(), kind="stable")
    d = df[date_col].to_numpy()[order]
    v = df[value_col].to_numpy(dtype=np.float64)[order]
    csum = np.r_[0.0, np.cumsum(v)]
    lo = np.searchsorted(d, d - np.timedelta64(6, "D"), side="left")
    hi = np.searchsorted(d, d, side="right")
    means = (csum[hi] - csum[lo]) / (hi - lo)
    out = np.empty(len(d))
    out[order] = means
    return pd.Series(out, index=df.index, name=value_col)
