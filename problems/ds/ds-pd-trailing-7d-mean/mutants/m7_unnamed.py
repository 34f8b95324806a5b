# breaks: float64-series
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Right values and index, but the Series is not named after the value column.
    if len(df) == 0:
        raise ValueError("empty")
    daily = df[value_col].astype(float).groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D").sum()
    r = w["sum"] / w["count"]
    return pd.Series(r.reindex(df[date_col]).to_numpy(), index=df.index)
