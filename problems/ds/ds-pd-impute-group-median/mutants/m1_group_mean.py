import pandas as pd


def impute_group_median(df, group_col, col):
    values = df[col].astype("float64")
    overall = values.median()
    if pd.isna(overall):
        raise ValueError("no data")
    group_mean = values.groupby(df[group_col]).transform("mean")
    out = df.copy()
    out[col] = values.fillna(group_mean).fillna(overall)
    return out
