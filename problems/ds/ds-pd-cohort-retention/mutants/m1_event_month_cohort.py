import numpy as np
import pandas as pd


def cohort_retention(events, user_col, date_col):
    # Each event is put in the cohort of its own month (not the user's first month).
    if len(events) == 0:
        raise ValueError("events is empty")
    dates = pd.DatetimeIndex(events[date_col])
    month = (dates.year * 12 + dates.month - 1).to_numpy()
    df = pd.DataFrame({"user": events[user_col].to_numpy(), "month": month})
    df["cohort"] = df["month"]
    df["offset"] = df["month"] - df["cohort"]
    counts = df.drop_duplicates(["user", "month"]).groupby(["cohort", "offset"]).size().unstack("offset", fill_value=0)
    size = df.drop_duplicates(["user", "cohort"]).groupby("cohort").size()
    K = int(df.groupby("user")["month"].agg(lambda m: m.max() - m.min()).max())
    table = counts.reindex(columns=range(K + 1), fill_value=0).div(size, axis=0).astype(np.float64)
    table.index = pd.DatetimeIndex(pd.to_datetime({"year": table.index // 12, "month": table.index % 12 + 1, "day": 1}), name="cohort")
    table.columns = pd.Index(np.arange(K + 1, dtype=np.int64), name="month")
    return table
