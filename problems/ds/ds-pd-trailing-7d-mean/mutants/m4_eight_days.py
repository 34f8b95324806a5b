# breaks: seven-calendar-days
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # closed="both" includes the day d - 7 as well: an 8-day window.
    if len(df) == 0:
        raise ValueError("empty")
    daily = df[value_col].astype(float).groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D", closed="both").sum()
    r = w["sum"] / w["count"]
    return pd.Series(r.reindex(df[date_col]).to_numpy(), index=df.index, name=value_col)
