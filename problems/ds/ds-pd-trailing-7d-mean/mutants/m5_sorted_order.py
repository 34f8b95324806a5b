# breaks: same-index-order
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Right values, but returned in date order instead of the input order.
    if len(df) == 0:
        raise ValueError("empty")
    s = df.sort_values(date_col, kind="stable")
    daily = s[value_col].astype(float).groupby(s[date_col]).agg(["sum", "count"])
    w = daily.rolling("7D").sum()
    r = w["sum"] / w["count"]
    return pd.Series(r.reindex(s[date_col]).to_numpy(), index=s.index, name=value_col)
