import numpy as np
import pandas as pd


def cohort_retention(events, user_col, date_col):
    # Plain Python: a set of active month numbers per user, then count per cohort and offset.
    if len(events) == 0:
        raise ValueError("no events")
    months = {}
    for user, ts in zip(events[user_col], events[date_col]):
        ts = pd.Timestamp(ts)
        months.setdefault(user, set()).add(ts.year * 12 + ts.month - 1)
    cohort_users = {}
    K = 0
    for user, ms in months.items():
        c = min(ms)
        cohort_users.setdefault(c, []).append(user)
        K = max(K, max(ms) - c)
    cohorts = sorted(cohort_users)
    table = np.zeros((len(cohorts), K + 1))
    for r, c in enumerate(cohorts):
        for user in cohort_users[c]:
            for m in months[user]:
                table[r, m - c] += 1
        table[r] /= len(cohort_users[c])
    index = pd.DatetimeIndex([pd.Timestamp(year=c // 12, month=c % 12 + 1, day=1) for c in cohorts], name="cohort")
    return pd.DataFrame(table, index=index, columns=pd.Index(range(K + 1), name="month"))
