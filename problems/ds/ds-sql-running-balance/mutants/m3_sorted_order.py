# breaks: aligned-index
def running_balance(df, account, ts, amount):
    # Wrong: the result stays in time order instead of being aligned with the input rows.
    ordered = df.sort_values(ts, kind="stable")
    return ordered.groupby(account)[amount].cumsum().reset_index(drop=True).rename("balance")
