import numbers

import pandas as pd


def add_lags(df: pd.DataFrame, entity: str, time: str, value: str, lags: tuple = (1, 7)) -> pd.DataFrame:
    """Append lag_k = value k rows earlier for the same entity in time order (float64, NaN if none)."""
    for k in lags:
        if not isinstance(k, numbers.Integral) or isinstance(k, bool) or k < 1:
            raise ValueError("every lag must be a positive int")
    out = df.copy()
    order = df.sort_values([entity, time], kind="stable")
    grouped = order.groupby(entity, sort=False)[value]
    for k in lags:
        lagged = grouped.shift(k).astype("float64")
        out[f"lag_{k}"] = lagged.reindex(df.index)
    return out
