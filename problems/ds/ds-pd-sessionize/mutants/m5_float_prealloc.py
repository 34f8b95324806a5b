import numpy as np
import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # Per-user loop writing into a float Series allocated up front: right numbers, float64 dtype.
    if gap_minutes < 0:
        raise ValueError("negative gap")
    out = pd.Series(np.nan, index=df.index, name="session")
    for _, g in df.groupby(user_col):
        g = g.sort_values(ts_col, kind="stable")
        gap = g[ts_col].diff()
        out.loc[g.index] = (gap > pd.Timedelta(minutes=gap_minutes)).cumsum() + 1
    return out
