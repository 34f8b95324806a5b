import pandas as pd


def trailing_7d_mean(df: pd.DataFrame, date_col: str, value_col: str) -> pd.Series:
    """Mean of value_col over the rows dated within the 7 calendar days ending on each row's date."""
    if len(df) == 0:
        raise ValueError("df has no rows")
    values = df[value_col].astype("float64")
    # Totals per distinct date, then a time-based rolling window over those daily totals:
    # a daily window (d - 7 days, d] is exactly the 7 calendar days d-6 .. d.
    daily = values.groupby(df[date_col]).agg(["sum", "count"]).sort_index()
    window = daily.rolling("7D").sum()
    per_date = window["sum"] / window["count"]
    out = pd.Series(per_date.reindex(df[date_col]).to_numpy(), index=df.index, name=value_col, dtype="float64")
    return out
