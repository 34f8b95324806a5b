# breaks: series-named-balance
def running_balance(df, account, ts, amount):
    # Forgets to rename: the Series keeps the amount column's name.
    ordered = df.sort_values(ts, kind="stable")
    return ordered.groupby(account, sort=False)[amount].cumsum().reindex(df.index)
