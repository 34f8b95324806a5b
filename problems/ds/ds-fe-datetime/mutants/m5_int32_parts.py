import pandas as pd


def datetime_features(ts):
    if len(ts) == 0:
        raise ValueError("ts is empty")
    t = pd.to_datetime(ts)
    return pd.DataFrame({
        "year": t.dt.year, "month": t.dt.month, "dayofweek": t.dt.day_of_week,
        "hour": t.dt.hour, "is_weekend": t.dt.day_of_week >= 5,
        "days_since_first": (t - t.min()) / pd.Timedelta(days=1),
    }, index=ts.index)
