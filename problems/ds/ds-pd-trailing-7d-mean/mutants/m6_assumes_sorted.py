# breaks: any-order-input
import numpy as np
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Right per-date means, but handed out by position as if df were already sorted by date.
    if len(df) == 0:
        raise ValueError("empty")
    daily = df[value_col].astype(float).groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D").sum()
    r = (w["sum"] / w["count"]).to_numpy()
    return pd.Series(np.repeat(r, daily["count"].to_numpy()), index=df.index, name=value_col)
