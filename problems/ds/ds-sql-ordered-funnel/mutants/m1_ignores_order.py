# breaks: in-order
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # Counts users who did steps 1..k at any time, in any order.
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("bad steps")
    users = set(events.loc[events["event"] == steps[0], "user_id"])
    counts = [len(users)]
    for s in steps[1:]:
        users &= set(events.loc[events["event"] == s, "user_id"])
        counts.append(len(users))
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users))
    conv[1:] = np.divide(users[1:], users[:-1], out=np.zeros(len(users) - 1), where=users[:-1] > 0)
    return pd.DataFrame({"step": steps, "users": users, "conversion": conv})
