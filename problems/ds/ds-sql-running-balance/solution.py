import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Cumulative sum of `amount` per account in time order (ties in row order), aligned with df.index."""
    ordered = df.sort_values(ts, kind="stable")
    bal = ordered.groupby(account, sort=False)[amount].cumsum()
    return bal.reindex(df.index).rename("balance")
