# breaks: time-order
def running_balance(df, account, ts, amount):
    # Wrong: accumulates in input row order, ignoring the timestamps.
    return df.groupby(account)[amount].cumsum().rename("balance")
