import pandas as pd


def impute_group_median(df, group_col, col):
    values = df[col].astype("float64")
    overall = values.median()
    if pd.isna(overall):
        raise ValueError("no data")
    out = df.copy()
    out[col] = values.fillna(overall)
    return out
