import datetime

import pandas as pd


def trailing_7d_mean(df, date_col, value_col):
    # Plain Python: totals per day in a dict, then seven lookups per distinct day.
    if len(df) == 0:
        raise ValueError("empty")
    totals = {}
    for day, value in zip(df[date_col].dt.date, df[value_col].astype(float)):
        s, c = totals.get(day, (0.0, 0))
        totals[day] = (s + value, c + 1)
    means = {}
    for day in totals:
        s = c = 0
        for k in range(7):
            ts, tc = totals.get(day - datetime.timedelta(days=k), (0.0, 0))
            s += ts
            c += tc
        means[day] = s / c
    return pd.Series([means[d] for d in df[date_col].dt.date], index=df.index, name=value_col, dtype="float64")
