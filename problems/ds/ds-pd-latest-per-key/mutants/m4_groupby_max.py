def latest_per_key(df, key, ts):
    # Column-wise max per key: mixes values from different rows.
    return df.groupby(key, sort=True).max().reset_index()[list(df.columns)]
