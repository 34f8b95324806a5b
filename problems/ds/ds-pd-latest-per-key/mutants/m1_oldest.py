def latest_per_key(df, key, ts):
    # Keeps the oldest row of each key.
    ordered = df.sort_values(ts, kind="stable").sort_values(key, kind="stable")
    return ordered.drop_duplicates(subset=key, keep="first")
