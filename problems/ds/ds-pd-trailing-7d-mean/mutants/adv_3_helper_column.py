# breaks: input-unchanged
# adversary a1 wrong_3: adds a helper column to df
import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """Daily sums/counts rolled over 7 calendar days; a helper column is added to df."""
    if df.empty:
        raise ValueError("df is empty")
    daily = df.groupby(date_col)[value_col].agg(["sum", "count"]).astype("float64")
    rolled = daily.rolling("7D").sum()
    df["_mean7"] = df[date_col].map(rolled["sum"] / rolled["count"])
    return df["_mean7"].astype("float64").rename(value_col)
