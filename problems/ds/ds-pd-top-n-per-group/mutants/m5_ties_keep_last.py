import pandas as pd


def top_n_per_group(df, group_col, value_col, n):
    if n < 0:
        raise ValueError("n must be non-negative")
    parts = []
    for _, g in df.groupby(group_col, sort=True):
        parts.append(g.nlargest(n, value_col, keep="last"))
    if not parts:
        return df.iloc[:0].reset_index(drop=True)
    return pd.concat(parts).reset_index(drop=True)
