import pandas as pd


def assign_sessions(df: pd.DataFrame, user_col: str, ts_col: str, gap_minutes: int = 30) -> pd.Series:
    """Per-user session number (1, 2, ...): a gap strictly longer than gap_minutes starts a new session."""
    if gap_minutes < 0:
        raise ValueError("gap_minutes must be non-negative")
    ordered = df[[user_col, ts_col]].sort_values([user_col, ts_col], kind="stable")
    gap = ordered.groupby(user_col, sort=False)[ts_col].diff()
    starts = (gap > pd.Timedelta(minutes=gap_minutes)).astype("int64")
    session = starts.groupby(ordered[user_col], sort=False).cumsum() + 1
    return session.reindex(df.index).astype("int64").rename("session")
