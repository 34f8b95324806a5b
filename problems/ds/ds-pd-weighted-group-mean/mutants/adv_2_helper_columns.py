# breaks: input-unchanged
# adversary a1 wrong_2: writes helper columns into df
import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Weighted mean per group; helper columns are stored in df."""
    if df.empty:
        raise ValueError("df is empty")
    usable = df[value].notna() & df[weight].notna()
    df["_num"] = (df[value] * df[weight]).where(usable, 0.0).astype("float64")
    df["_den"] = df[weight].where(usable, 0.0).astype("float64")
    sums = df.groupby(group, sort=True)[["_num", "_den"]].sum()
    out = sums["_num"] / sums["_den"].where(sums["_den"] > 0)
    return out.rename(value).astype("float64")
