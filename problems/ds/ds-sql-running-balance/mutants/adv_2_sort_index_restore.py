# breaks: aligned-index
# Adversarial wrong solution 2 (reviewer a2): "the same index as df (same labels, same order, same index name)" (restores order with sort_index)
import numpy as np
import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Running sum of `amount` per account in timestamp order (ties: row order).

    Returns a Series named "balance" with the same index as `df` and the dtype of the amount column.
    """
    ordered = df.sort_values(ts, kind="stable")
    balance = ordered.groupby(account)[amount].cumsum().sort_index()   # back to the original rows
    balance.name = "balance"
    return balance.astype(df[amount].dtype)
