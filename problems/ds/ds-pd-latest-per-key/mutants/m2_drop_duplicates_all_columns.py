def latest_per_key(df, key, ts):
    # Drops only rows that are duplicated in every column.
    ordered = df.sort_values(ts, kind="stable").sort_values(key, kind="stable")
    return ordered.drop_duplicates(keep="last")
