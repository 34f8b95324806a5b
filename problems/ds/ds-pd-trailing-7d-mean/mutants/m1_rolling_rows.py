# breaks: seven-calendar-days
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # A 7-row window instead of a 7-day window.
    if len(df) == 0:
        raise ValueError("empty")
    s = df.sort_values(date_col, kind="stable")
    r = s[value_col].astype(float).rolling(7, min_periods=1).mean()
    return r.reindex(df.index).rename(value_col)
