import pandas as pd


def longest_streak(df, user, date):
    # Wrong: uses the raw timestamps, so consecutive days only chain when exactly 24 h apart.
    days = pd.DataFrame({"u": df[user].to_numpy(), "d": df[date].to_numpy()}).drop_duplicates()
    days = days.sort_values(["u", "d"])
    new_run = days.groupby("u")["d"].diff() != pd.Timedelta(days=1)
    lengths = days.groupby(["u", new_run.cumsum()]).size()
    out = lengths.groupby(level="u").max().astype("int64")
    out.index.name = user
    return out.rename("longest_streak")
