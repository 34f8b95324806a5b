import numpy as np
import pandas as pd


def longest_streak(df: pd.DataFrame, user: str, date: str) -> pd.Series:
    """Per user, the longest run of consecutive calendar days with at least one event.

    Returns an int64 Series named "longest_streak", indexed by user (sorted, index named `user`).
    """
    raise NotImplementedError
