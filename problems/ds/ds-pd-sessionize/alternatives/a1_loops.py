import pandas as pd


def assign_sessions(df, user_col, ts_col, gap_minutes=30):
    # Plain Python: walk the events in (user, time) order, remembering each user's last time.
    if gap_minutes < 0:
        raise ValueError("negative gap")
    limit = pd.Timedelta(minutes=gap_minutes)
    users = df[user_col].tolist()
    times = list(df[ts_col])
    order = sorted(range(len(users)), key=lambda i: (times[i], i))
    last, current = {}, {}
    result = [0] * len(users)
    for i in order:
        u, t = users[i], times[i]
        if u not in last:
            current[u] = 1
        elif t - last[u] > limit:
            current[u] += 1
        last[u] = t
        result[i] = current[u]
    return pd.Series(result, index=df.index, dtype="int64", name="session")
