# breaks: series-named-balance
def running_balance(df, account, ts, amount):
    # Returns the values as a NumPy array in row order instead of a Series.
    ordered = df.sort_values(ts, kind="stable")
    return ordered.groupby(account, sort=False)[amount].cumsum().reindex(df.index).to_numpy()
