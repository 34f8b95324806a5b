# breaks: row-weighted-mean
import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Averages the daily means, so each day weighs the same regardless of its row count.
    if len(df) == 0:
        raise ValueError("empty")
    daily = df[value_col].astype(float).groupby(df[date_col]).mean().sort_index()
    r = daily.rolling("7D").mean()
    return pd.Series(r.reindex(df[date_col]).to_numpy(), index=df.index, name=value_col)
