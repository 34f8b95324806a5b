import pandas as pd


def datetime_features(ts):
    if len(ts) == 0:
        raise ValueError("ts is empty")
    t = pd.to_datetime(ts)
    dow = t.dt.day_of_week.astype("int64")
    return pd.DataFrame({
        "year": t.dt.year.astype("int64"), "month": t.dt.month.astype("int64"), "dayofweek": dow,
        "hour": t.dt.hour.astype("int64"), "is_weekend": dow >= 5,
        "days_since_first": (t.dt.day - t.min().day).astype("float64"),
    }, index=ts.index)
