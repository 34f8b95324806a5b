# breaks: ties-row-order
# Adversarial wrong solution 1 (reviewer a2): "Rows of the same account with equal timestamps are accumulated in their order of appearance"
import numpy as np
import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Running sum of `amount` per account in timestamp order (ties: row order).

    Returns a Series named "balance" with the same index as `df` and the dtype of the amount column.
    """
    ordered = df.sort_values(ts)                       # default sort kind (not stable)
    balance = ordered.groupby(account)[amount].cumsum()
    balance = balance.reindex(df.index)                # align with the input rows
    balance.name = "balance"
    return balance.astype(df[amount].dtype)
