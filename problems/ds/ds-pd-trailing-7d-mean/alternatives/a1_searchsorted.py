import numpy as np
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # NumPy: sort the day numbers, prefix sums, and two binary searches per row.
    if len(df) == 0:
        raise ValueError("empty")
    days = df[date_col].to_numpy().astype("datetime64[D]").astype(np.int64)
    vals = df[value_col].to_numpy(dtype=np.float64)
    order = np.argsort(days, kind="stable")
    sd, sv = days[order], vals[order]
    csum = np.concatenate([[0.0], np.cumsum(sv)])
    hi = np.searchsorted(sd, days, side="right")
    lo = np.searchsorted(sd, days - 6, side="left")
    return pd.Series((csum[hi] - csum[lo]) / (hi - lo), index=df.index, name=value_col)
