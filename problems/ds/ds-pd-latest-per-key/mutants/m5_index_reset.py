def latest_per_key(df, key, ts):
    # Right rows, but the original index labels are thrown away.
    ordered = df.sort_values([key, ts], kind="stable")
    return ordered.drop_duplicates(subset=key, keep="last").reset_index(drop=True)
