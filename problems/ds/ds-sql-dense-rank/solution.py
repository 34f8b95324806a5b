import pandas as pd


def dense_rank_desc(s: pd.Series) -> pd.Series:
    """SQL DENSE_RANK ordered by value descending: 1 for the largest, ties share, no gaps, int64."""
    return s.rank(method="dense", ascending=False).astype("int64")
