import pandas as pd


def impute_group_median(df, group_col, col):
    # Writes into the caller's frame.
    values = df[col].astype("float64")
    overall = values.median()
    if pd.isna(overall):
        raise ValueError("no data")
    df[col] = values.fillna(values.groupby(df[group_col]).transform("median")).fillna(overall)
    return df
