import pandas as pd


def datetime_features(ts: pd.Series) -> pd.DataFrame:
    """Calendar features of each timestamp plus fractional days since the earliest one."""
    if len(ts) == 0:
        raise ValueError("ts is empty")
    t = pd.to_datetime(ts)
    dow = t.dt.day_of_week.astype("int64")
    return pd.DataFrame({
        "year": t.dt.year.astype("int64"),
        "month": t.dt.month.astype("int64"),
        "dayofweek": dow,
        "hour": t.dt.hour.astype("int64"),
        "is_weekend": (dow >= 5).astype("bool"),
        "days_since_first": ((t - t.min()) / pd.Timedelta(days=1)).astype("float64"),
    }, index=ts.index)
