import pandas as pd


def longest_streak(df, user, date):
    # Wrong: compares day-of-month numbers, so a streak breaks at every month boundary.
    days = pd.DataFrame({"u": df[user].to_numpy(), "d": df[date].dt.normalize().to_numpy()})
    days = days.drop_duplicates().sort_values(["u", "d"])
    dom = days["d"].dt.day
    new_run = (dom - dom.groupby(days["u"]).shift()) != 1
    lengths = days.groupby(["u", new_run.cumsum()]).size()
    out = lengths.groupby(level="u").max().astype("int64")
    out.index.name = user
    return out.rename("longest_streak")
