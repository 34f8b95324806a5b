import pandas as pd


def impute_group_median(df, group_col, col):
    # Fallback uses the median of the group medians instead of the overall median.
    values = df[col].astype("float64")
    if values.notna().sum() == 0:
        raise ValueError("no data")
    medians = values.groupby(df[group_col]).median()
    group_median = df[group_col].map(medians)
    out = df.copy()
    out[col] = values.fillna(group_median).fillna(medians.median())
    return out
