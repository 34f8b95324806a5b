def latest_per_key(df, key, ts):
    # Plain Python: one pass, a later row replaces the kept one when its time is >= the kept time.
    best = {}
    for pos, (k, t) in enumerate(zip(df[key].tolist(), df[ts].tolist())):
        if k not in best or t >= best[k][0]:
            best[k] = (t, pos)
    return df.iloc[[best[k][1] for k in sorted(best)]]
