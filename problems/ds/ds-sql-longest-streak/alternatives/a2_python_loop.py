import numpy as np
import pandas as pd


def longest_streak(df, user, date):
    # Plain Python: a set of ordinal days per user, then scan each sorted list once.
    per_user = {}
    for u, ts in zip(df[user].tolist(), df[date].tolist()):
        per_user.setdefault(u, set()).add(ts.date().toordinal())
    users = sorted(per_user)
    best = []
    for u in users:
        days = sorted(per_user[u])
        top = cur = 1
        for a, b in zip(days, days[1:]):
            cur = cur + 1 if b == a + 1 else 1
            top = max(top, cur)
        best.append(top)
    return pd.Series(np.array(best, dtype=np.int64), index=pd.Index(users, dtype=df[user].dtype, name=user),
                     name="longest_streak")
