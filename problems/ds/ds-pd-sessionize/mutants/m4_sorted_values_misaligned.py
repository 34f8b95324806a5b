import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # Values computed in sorted order but pasted onto the input index positionally.
    if gap_minutes < 0:
        raise ValueError("negative gap")
    o = df.sort_values([user_col, ts_col], kind="stable")
    gap = o.groupby(user_col)[ts_col].diff()
    starts = (gap > pd.Timedelta(minutes=gap_minutes)).astype("int64")
    sess = starts.groupby(o[user_col]).cumsum() + 1
    return pd.Series(sess.to_numpy(), index=df.index, name="session")
