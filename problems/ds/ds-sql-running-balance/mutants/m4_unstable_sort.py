# breaks: ties-row-order
def running_balance(df, account, ts, amount):
    # Wrong: default (unstable) sort, so rows with equal timestamps may be applied out of row order.
    ordered = df.sort_values(ts)
    return ordered.groupby(account)[amount].cumsum().reindex(df.index).rename("balance")
