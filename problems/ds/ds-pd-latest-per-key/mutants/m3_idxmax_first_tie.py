def latest_per_key(df, key, ts):
    # idxmax on the original order: a timestamp tie goes to the FIRST row.
    if df.empty:
        return df.copy()
    labels = df.groupby(key, sort=True)[ts].idxmax()
    return df.loc[labels.to_numpy()]
