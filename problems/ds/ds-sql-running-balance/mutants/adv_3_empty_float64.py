# breaks: empty
# Adversarial wrong solution 3 (reviewer a2): "A DataFrame with zero rows gives an empty Series (same index, same dtype)"
import numpy as np
import pandas as pd


def running_balance(df: pd.DataFrame, account: str, ts: str, amount: str) -> pd.Series:
    """Running sum of `amount` per account in timestamp order (ties: row order).

    Returns a Series named "balance" with the same index as `df` and the dtype of the amount column.
    """
    if len(df) == 0:
        return pd.Series(index=df.index, name="balance", dtype=np.float64)   # nothing to sum
    values = df[amount].to_numpy()
    order = np.argsort(df[ts].to_numpy(), kind="stable")
    ordered = pd.DataFrame({"acc": df[account].to_numpy()[order], "amt": values[order]})
    cumulative = ordered.groupby("acc", sort=False)["amt"].cumsum().to_numpy()
    out = np.empty(len(df), dtype=values.dtype)
    out[order] = cumulative
    return pd.Series(out, index=df.index.copy(), name="balance", dtype=values.dtype)
