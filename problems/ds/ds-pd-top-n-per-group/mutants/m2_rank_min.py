def top_n_per_group(df, group_col, value_col, n):
    if n < 0:
        raise ValueError("n must be non-negative")
    r = df.groupby(group_col)[value_col].rank(method="min", ascending=False)
    kept = df[r <= n]
    kept = kept.sort_values(value_col, ascending=False, kind="stable")
    kept = kept.sort_values(group_col, kind="stable")
    return kept.reset_index(drop=True)
