# breaks: dtypes
# Adversarial wrong solution 3 (reviewer a2): "conversion (float64)" (int column when every ratio is an int literal: one step, or all zero)
import numpy as np
import pandas as pd


def ordered_funnel(events: pd.DataFrame, steps: list) -> pd.DataFrame:
    """Users who completed steps 1..k in order (each at or after the previous match), per step.

    Returns a DataFrame with columns step, users (int64), conversion (float64) and a RangeIndex.
    """
    steps = list(steps)
    if len(steps) == 0:
        raise ValueError("steps must not be empty")
    if len(set(steps)) != len(steps):
        raise ValueError("steps must be distinct")
    ev = events[["user_id", "event", "timestamp"]]
    matched = None          # Series: user_id -> time at which the previous step was matched
    counts = []
    for i, step in enumerate(steps):
        e = ev[ev["event"] == step]
        if i == 0:
            matched = e.groupby("user_id")["timestamp"].min()
        elif len(matched) == 0:
            matched = matched.iloc[:0]                  # nobody reached the previous step
        else:
            prev_time = e["user_id"].map(matched)       # NaT for users who did not reach the previous step
            ok = (e["timestamp"] >= prev_time).to_numpy() & prev_time.notna().to_numpy()
            matched = e[ok].groupby("user_id")["timestamp"].min()
        counts.append(len(matched))
    users = np.asarray(counts, dtype=np.int64)
    conversion = [1]
    for i in range(1, len(steps)):
        conversion.append(users[i] / users[i - 1] if users[i - 1] > 0 else 0)
    return pd.DataFrame({"step": steps, "users": users, "conversion": conversion})
