# breaks: aligned-index
import pandas as pd


def running_balance(df, account, ts, amount):
    # Right values in row order, but on a fresh RangeIndex instead of df's labels.
    ordered = df.sort_values(ts, kind="stable")
    bal = ordered.groupby(account, sort=False)[amount].cumsum().reindex(df.index)
    return pd.Series(bal.to_numpy(), name="balance")
