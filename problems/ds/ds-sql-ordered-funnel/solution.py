import numpy as np
import pandas as pd


def ordered_funnel(events: pd.DataFrame, steps: list) -> pd.DataFrame:
    """Users completing steps 1..k in order, and conversion from the previous step."""
    steps = list(steps)
    if not steps:
        raise ValueError("steps must not be empty")
    if len(set(steps)) != len(steps):
        raise ValueError("steps must be distinct")
    ev = events[["user_id", "event", "timestamp"]]
    # Time at which each user matched the current step: the earliest qualifying event (greedy).
    cur = ev[ev["event"] == steps[0]].groupby("user_id")["timestamp"].min().rename("prev")
    counts = [len(cur)]
    for step in steps[1:]:
        cand = ev[ev["event"] == step].merge(cur.reset_index(), on="user_id", how="inner")
        cand = cand[cand["timestamp"] >= cand["prev"]]
        cur = cand.groupby("user_id")["timestamp"].min().rename("prev")
        counts.append(len(cur))
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users), dtype=np.float64)
    for i in range(1, len(users)):
        conv[i] = users[i] / users[i - 1] if users[i - 1] > 0 else 0.0
    return pd.DataFrame({"step": steps, "users": users, "conversion": conv})
