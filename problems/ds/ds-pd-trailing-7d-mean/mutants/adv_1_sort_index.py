# breaks: same-index-order
# adversary a1 wrong_1: restores the row order with sort_index() (the worked example's labels happen to be sorted)
import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """Daily sums/counts rolled over 7 calendar days, mapped back to the rows, then sort_index()."""
    if df.empty:
        raise ValueError("df is empty")
    daily = df.groupby(date_col)[value_col].agg(["sum", "count"]).astype("float64")
    rolled = daily.rolling("7D").sum()
    per_day = rolled["sum"] / rolled["count"]
    s = df.sort_values(date_col, kind="stable")
    out = pd.Series(per_day.reindex(s[date_col]).to_numpy(), index=s.index, name=value_col)
    return out.sort_index()
