import numpy as np
import pandas as pd


def longest_streak(df, user, date):
    # SQL "gaps and islands": day number minus its row number within the user is constant on a run.
    day_num = (df[date].dt.normalize() - pd.Timestamp("1970-01-01")).dt.days.to_numpy()
    t = pd.DataFrame({"u": df[user].to_numpy(), "n": day_num}).drop_duplicates()
    t = t.sort_values(["u", "n"])
    t["island"] = t["n"] - t.groupby("u").cumcount()
    sizes = t.groupby(["u", "island"]).size()
    out = sizes.groupby(level="u").max().astype(np.int64)
    out.index.name = user
    out.name = "longest_streak"
    return out
