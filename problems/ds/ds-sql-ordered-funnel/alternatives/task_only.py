# Written by a second reader from the task text alone (no hints); reindex-based matching.
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("steps must be a non-empty list of distinct names")
    ev = pd.DataFrame({
        "user": events["user_id"].to_numpy(),
        "event": events["event"].to_numpy(),
        "ts": events["timestamp"].to_numpy(),
    })
    matched = None          # Series user -> matched time of the previous step
    counts = []
    for i, step in enumerate(steps):
        cand = ev[ev["event"] == step]
        if matched is not None:
            cand = cand[cand["user"].isin(matched.index)]
            if len(cand):
                prev = matched.reindex(cand["user"].to_numpy()).to_numpy()
                cand = cand[cand["ts"].to_numpy() >= prev]
        matched = cand.groupby("user")["ts"].min()
        counts.append(int(matched.size))
    users = np.asarray(counts, dtype=np.int64)
    conversion = np.ones(len(steps), dtype=np.float64)
    for i in range(1, len(steps)):
        conversion[i] = users[i] / users[i - 1] if users[i - 1] else 0.0
    return pd.DataFrame({"step": steps, "users": users, "conversion": conversion})
