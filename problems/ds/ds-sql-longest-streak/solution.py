import pandas as pd


def longest_streak(df: pd.DataFrame, user: str, date: str) -> pd.Series:
    """Per user, the longest run of consecutive calendar days with at least one event (int64)."""
    days = pd.DataFrame({"u": df[user].to_numpy(), "d": df[date].dt.normalize().to_numpy()})
    days = days.drop_duplicates().sort_values(["u", "d"])
    new_run = days.groupby("u")["d"].diff() != pd.Timedelta(days=1)
    run_id = new_run.cumsum()
    lengths = days.groupby(["u", run_id]).size()
    out = lengths.groupby(level="u").max().astype("int64")
    out.index.name = user
    return out.rename("longest_streak")
