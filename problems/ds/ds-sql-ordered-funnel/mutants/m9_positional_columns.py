# breaks: any-layout
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # Takes the first three columns by position, assuming they are user_id, event, timestamp.
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("bad steps")
    ev = events.iloc[:, :3].copy()
    ev.columns = ["user_id", "event", "timestamp"]
    cur = ev[ev["event"] == steps[0]].groupby("user_id")["timestamp"].min().rename("prev")
    counts = [len(cur)]
    for step in steps[1:]:
        cand = ev[ev["event"] == step].merge(cur.reset_index(), on="user_id", how="inner")
        cand = cand[cand["timestamp"] >= cand["prev"]]
        cur = cand.groupby("user_id")["timestamp"].min().rename("prev")
        counts.append(len(cur))
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users))
    conv[1:] = np.divide(users[1:], users[:-1], out=np.zeros(len(users) - 1), where=users[:-1] > 0)
    return pd.DataFrame({"step": steps, "users": users, "conversion": conv})
