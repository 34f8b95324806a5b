# breaks: per-account
def running_balance(df, account, ts, amount):
    # Wrong: one cumulative sum across all accounts.
    ordered = df.sort_values(ts, kind="stable")
    return ordered[amount].cumsum().reindex(df.index).rename("balance")
