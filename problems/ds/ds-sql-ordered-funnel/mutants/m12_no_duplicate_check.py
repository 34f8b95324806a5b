# breaks: bad-steps-raise
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # Refuses an empty list but not a repeated step name.
    steps = list(steps)
    if not steps:
        raise ValueError("steps must not be empty")
    ev = events[["user_id", "event", "timestamp"]]
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
