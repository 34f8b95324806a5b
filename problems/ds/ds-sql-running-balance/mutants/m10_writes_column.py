# breaks: input-unchanged
def running_balance(df, account, ts, amount):
    # Stores the running balance as a new column of the caller's DataFrame.
    ordered = df.sort_values(ts, kind="stable")
    df["balance"] = ordered.groupby(account, sort=False)[amount].cumsum()
    return df["balance"]
