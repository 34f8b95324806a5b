import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # Gaps measured from the previous event of ANY user (no groupby before diff).
    if gap_minutes < 0:
        raise ValueError("negative gap")
    o = df.sort_values(ts_col, kind="stable")
    gap = o[ts_col].diff()
    starts = (gap > pd.Timedelta(minutes=gap_minutes)).astype("int64")
    return (starts.groupby(o[user_col]).cumsum() + 1).reindex(df.index).rename("session")
