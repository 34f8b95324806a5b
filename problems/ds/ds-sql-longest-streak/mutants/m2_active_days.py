def longest_streak(df, user, date):
    # Wrong: number of distinct active days, ignoring gaps.
    out = df[date].dt.normalize().groupby(df[user]).nunique().astype("int64")
    out.index.name = user
    return out.rename("longest_streak")
