import numpy as np
import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """For each row, the mean of `value_col` over all rows dated within the 7 calendar days
    ending on that row's date (d - 6 days .. d, rows on the same date included).

    Returns a float64 Series with df's index (same order), named `value_col`.
    An empty `df` raises ValueError.
    """
    if len(df) == 0:
        raise ValueError("df is empty")
    days = df[date_col].dt.normalize()
    values = df[value_col].astype("float64")
    daily = pd.DataFrame({"day": days.to_numpy(), "v": values.to_numpy()}).groupby("day")["v"].agg(["sum", "count"])
    dates = daily.index
    day_sum = np.zeros(len(dates))
    day_cnt = np.zeros(len(dates))
    # at most 7 distinct dates fall in a window: add the day d - k for k = 0..6 when it exists
    for k in range(7):
        shifted = dates - pd.Timedelta(days=k)
        pos = dates.get_indexer(shifted)
        hit = pos >= 0
        day_sum[hit] += daily["sum"].to_numpy()[pos[hit]]
        day_cnt[hit] += daily["count"].to_numpy()[pos[hit]]
    per_day = pd.Series(day_sum / day_cnt, index=dates)
    result = per_day.reindex(days.to_numpy()).to_numpy()
    return pd.Series(result, index=df.index, name=value_col, dtype="float64")
