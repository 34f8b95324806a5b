# breaks: no-skipping
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # A user who misses a step keeps their last match time and may still reach later steps.
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("bad steps")
    ev = events[["user_id", "event", "timestamp"]]
    last = ev[ev["event"] == steps[0]].groupby("user_id")["timestamp"].min()
    counts = [len(last)]
    for step in steps[1:]:
        cand = ev[ev["event"] == step].merge(last.rename("prev").reset_index(), on="user_id", how="inner")
        cand = cand[cand["timestamp"] >= cand["prev"]]
        now = cand.groupby("user_id")["timestamp"].min()
        counts.append(len(now))
        last = now.combine_first(last)
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users))
    conv[1:] = np.divide(users[1:], users[:-1], out=np.zeros(len(users) - 1), where=users[:-1] > 0)
    return pd.DataFrame({"step": steps, "users": users, "conversion": conv})
