import datetime as dt

import pandas as pd


def datetime_features(ts):
    # Row by row with Python datetime objects.
    if len(ts) == 0:
        raise ValueError("ts is empty")
    stamps = []
    for x in ts.tolist():
        if isinstance(x, str):
            x = dt.datetime.fromisoformat(x)
        elif isinstance(x, pd.Timestamp):
            x = x.to_pydatetime()
        stamps.append(x)
    first = min(stamps)
    rows = {"year": [], "month": [], "dayofweek": [], "hour": [], "is_weekend": [], "days_since_first": []}
    for s in stamps:
        rows["year"].append(s.year)
        rows["month"].append(s.month)
        rows["dayofweek"].append(s.weekday())
        rows["hour"].append(s.hour)
        rows["is_weekend"].append(s.weekday() in (5, 6))
        rows["days_since_first"].append((s - first).total_seconds() / 86400.0)
    out = pd.DataFrame(rows, index=ts.index)
    return out.astype({"year": "int64", "month": "int64", "dayofweek": "int64", "hour": "int64",
                       "is_weekend": "bool", "days_since_first": "float64"})
