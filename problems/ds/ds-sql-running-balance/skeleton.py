import numpy as np
import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Running sum of `amount` per account in timestamp order (ties: row order).

    Returns a Series named "balance" with the same index as `df` and the dtype of the amount column.
    """
    raise NotImplementedError
