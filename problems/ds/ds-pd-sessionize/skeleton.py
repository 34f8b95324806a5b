import numpy as np
import pandas as pd


def assign_sessions(df: pd.DataFrame, user_col: str, ts_col: str, gap_minutes: int = 30) -> pd.Series:
    """Session number (1, 2, ...) of every event, counted separately for each user.

    A user's event starts a new session when the time since that user's previous event is
    strictly greater than `gap_minutes` minutes. Returns an int64 Series named "session" with
    df's index in df's order. A negative gap_minutes raises ValueError.
    """
    raise NotImplementedError
