def top_n_per_group(df, group_col, value_col, n):
    if n < 0:
        raise ValueError("n must be non-negative")
    kept = df.sort_values(value_col, ascending=False, kind="stable")  # NaN sorted last, not dropped
    kept = kept.sort_values(group_col, kind="stable")
    return kept.groupby(group_col, sort=False).head(n).reset_index(drop=True)
