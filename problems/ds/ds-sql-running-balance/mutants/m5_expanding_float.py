# breaks: amount-dtype
def running_balance(df, account, ts, amount):
    # Wrong: expanding().sum() always returns float64, even for int64 amounts.
    ordered = df.sort_values(ts, kind="stable")
    bal = ordered.groupby(account, sort=False)[amount].expanding().sum().reset_index(level=0, drop=True)
    return bal.reindex(df.index).rename("balance")
