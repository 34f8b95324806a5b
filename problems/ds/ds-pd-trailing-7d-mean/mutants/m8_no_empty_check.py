# breaks: empty-raises
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # No check for an empty frame: returns an empty Series instead of raising.
    daily = df[value_col].astype(float).groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D").sum()
    r = w["sum"] / w["count"]
    return pd.Series(r.reindex(df[date_col]).to_numpy(), index=df.index, name=value_col, dtype="float64")
