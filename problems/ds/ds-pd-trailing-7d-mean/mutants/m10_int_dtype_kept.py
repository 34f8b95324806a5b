# breaks: float64-series
import numpy as np
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Casts the result back to the value column's dtype: an int64 column gives truncated int64 means.
    if len(df) == 0:
        raise ValueError("empty")
    daily = df[value_col].astype(float).groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D").sum()
    r = (w["sum"] / w["count"]).reindex(df[date_col]).to_numpy()
    return pd.Series(r.astype(df[value_col].dtype), index=df.index, name=value_col)
