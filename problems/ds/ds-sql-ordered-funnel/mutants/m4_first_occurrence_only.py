# breaks: later-repeat-counts
import numpy as np
import pandas as pd


def ordered_funnel(events, steps):
    # Compares only the FIRST time of each step: a user who did step 2 before step 1 and again after is lost.
    steps = list(steps)
    if not steps or len(set(steps)) != len(steps):
        raise ValueError("bad steps")
    first = events.groupby(["user_id", "event"])["timestamp"].min().unstack("event")
    ok = first[steps[0]].notna() if steps[0] in first else pd.Series(False, index=first.index)
    counts = [int(ok.sum())]
    for a, b in zip(steps, steps[1:]):
        if b in first and a in first:
            ok = ok & (first[b] >= first[a])
        else:
            ok = ok & False
        counts.append(int(ok.sum()))
    users = np.asarray(counts, dtype=np.int64)
    conv = np.ones(len(users))
    conv[1:] = np.divide(users[1:], users[:-1], out=np.zeros(len(users) - 1), where=users[:-1] > 0)
    return pd.DataFrame({"step": steps, "users": users, "conversion": conv})
