# breaks: input-unchanged
def running_balance(df, account, ts, amount):
    # Sorts the caller's DataFrame in place, then aligns the result with its (now reordered) index.
    df.sort_values(ts, kind="stable", inplace=True)
    bal = df.groupby(account, sort=False)[amount].cumsum()
    return bal.sort_index().rename("balance")
