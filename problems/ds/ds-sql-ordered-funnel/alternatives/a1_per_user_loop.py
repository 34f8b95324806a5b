import pandas as pd


def ordered_funnel(events, steps):
    # Walk each user's events in time order once, advancing a pointer through the steps.
    # Events at the same instant are visited in step order, so "at or after" ties can match.
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("steps must be non-empty and distinct")
    position = {s: i for i, s in enumerate(steps)}
    ordered = events.assign(_pos=events["event"].map(position).fillna(len(steps)))
    ordered = ordered.sort_values(["user_id", "timestamp", "_pos"], kind="stable")
    reached = {}
    for user, event in zip(ordered["user_id"], ordered["event"]):
        k = reached.get(user, 0)
        if k < len(steps) and event == steps[k]:
            reached[user] = k + 1
    counts = [0] * len(steps)
    for k in reached.values():
        for i in range(k):
            counts[i] += 1
    conv = [1.0] + [counts[i] / counts[i - 1] if counts[i - 1] else 0.0 for i in range(1, len(steps))]
    return pd.DataFrame({"step": steps, "users": pd.Series(counts, dtype="int64"),
                         "conversion": pd.Series(conv, dtype="float64")})
