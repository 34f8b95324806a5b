import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # One running session counter over all users instead of restarting at 1 per user.
    if gap_minutes < 0:
        raise ValueError("negative gap")
    o = df.sort_values([user_col, ts_col], kind="stable")
    gap = o.groupby(user_col)[ts_col].diff()
    starts = (gap.isna() | (gap > pd.Timedelta(minutes=gap_minutes))).astype("int64")
    return starts.cumsum().reindex(df.index).rename("session")
