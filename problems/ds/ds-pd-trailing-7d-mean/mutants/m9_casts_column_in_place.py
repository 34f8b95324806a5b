# breaks: input-unchanged
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Casts the caller's value column to float64 in place (invisible when it already was float64).
    if len(df) == 0:
        raise ValueError("empty")
    df[value_col] = df[value_col].astype("float64")
    daily = df[value_col].groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    w = daily.rolling("7D").sum()
    r = w["sum"] / w["count"]
    return pd.Series(r.reindex(df[date_col]).to_numpy(), index=df.index, name=value_col, dtype="float64")
