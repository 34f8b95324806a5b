import numpy as np
import pandas as pd


def attach_last_quote(trades: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Each trade with the price of the latest same-ticker quote at or before its time (NaN if none)."""
    left = trades[["ticker", "time"]].assign(_pos=np.arange(len(trades))).sort_values("time", kind="stable")
    right = quotes[["ticker", "time", "price"]].sort_values("time", kind="stable")
    matched = pd.merge_asof(left, right, on="time", by="ticker", direction="backward",
                            allow_exact_matches=True)
    price = np.full(len(trades), np.nan)
    price[matched["_pos"].to_numpy()] = matched["price"].to_numpy(dtype=float)
    out = trades.copy()
    out["price"] = price
    return out
