import pandas as pd


def longest_streak(df, user, date):
    # Wrong: leaves the result as float64.
    days = pd.DataFrame({"u": df[user].to_numpy(), "d": df[date].dt.normalize().to_numpy()})
    days = days.drop_duplicates().sort_values(["u", "d"])
    new_run = days.groupby("u")["d"].diff() != pd.Timedelta(days=1)
    lengths = days.groupby(["u", new_run.cumsum()]).size()
    out = lengths.groupby(level="u").max().astype("float64")
    out.index.name = user
    return out.rename("longest_streak")
