import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """The balance of each row's account right after that row, aligned with df's index."""
    raise NotImplementedError
