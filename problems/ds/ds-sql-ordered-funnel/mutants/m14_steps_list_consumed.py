# breaks: inputs-unchanged
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # Pops steps off the caller's list as it walks the funnel.
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("bad steps")
    names = []
    ev = events[["user_id", "event", "timestamp"]]
    first = steps.pop(0)
    names.append(first)
    cur = ev[ev["event"] == first].groupby("user_id")["timestamp"].min().rename("prev")
    counts = [len(cur)]
    while steps:
        step = steps.pop(0)
        names.append(step)
        cand = ev[ev["event"] == step].merge(cur.reset_index(), on="user_id", how="inner")
        cand = cand[cand["timestamp"] >= cand["prev"]]
        cur = cand.groupby("user_id")["timestamp"].min().rename("prev")
        counts.append(len(cur))
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users))
    conv[1:] = np.divide(users[1:], users[:-1], out=np.zeros(len(users) - 1), where=users[:-1] > 0)
    return pd.DataFrame({"step": names, "users": users, "conversion": conv})
