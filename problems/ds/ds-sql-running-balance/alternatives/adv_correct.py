# Written by an adversarial reviewer (a2) from the statement alone; argsort and scatter back.
import numpy as np
import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Running sum of `amount` per account in timestamp order (ties: row order).

    Returns a Series named "balance" with the same index as `df` and the dtype of the amount column.
    """
    values = df[amount].to_numpy()
    # stable sort by time: equal timestamps keep their order of appearance
    order = np.argsort(df[ts].to_numpy(), kind="stable")
    ordered = pd.DataFrame({"acc": df[account].to_numpy()[order], "amt": values[order]})
    cumulative = ordered.groupby("acc", sort=False)["amt"].cumsum().to_numpy()
    out = np.empty(len(df), dtype=values.dtype)
    out[order] = cumulative
    return pd.Series(out, index=df.index.copy(), name="balance", dtype=values.dtype)
