import pandas as pd


def longest_streak(df, user, date):
    # Wrong: does not deduplicate days, so several events on one day count as extra days.
    t = pd.DataFrame({"u": df[user].to_numpy(), "d": df[date].dt.normalize().to_numpy()}).sort_values(["u", "d"])
    new_run = t.groupby("u")["d"].diff() > pd.Timedelta(days=1)
    new_run |= t["u"].ne(t["u"].shift())
    sizes = t.groupby(["u", new_run.cumsum()]).size()
    out = sizes.groupby(level="u").max().astype("int64")
    out.index.name = user
    return out.rename("longest_streak")
