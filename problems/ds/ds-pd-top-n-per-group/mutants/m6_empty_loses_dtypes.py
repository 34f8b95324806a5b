import pandas as pd


def top_n_per_group(df, group_col, value_col, n):
    if n < 0:
        raise ValueError("n must be non-negative")
    if n == 0:
        return pd.DataFrame(columns=df.columns)
    kept = df[df[value_col].notna()]
    kept = kept.sort_values(value_col, ascending=False, kind="stable")
    kept = kept.sort_values(group_col, kind="stable")
    return kept.groupby(group_col, sort=False).head(n).reset_index(drop=True)
