import numpy as np
import pandas as pd


def attach_last_quote(trades, quotes):
    # Wrong: direction="nearest" may take a quote from the future.
    left = trades[["ticker", "time"]].assign(_pos=np.arange(len(trades))).sort_values("time", kind="stable")
    right = quotes[["ticker", "time", "price"]].sort_values("time", kind="stable")
    matched = pd.merge_asof(left, right, on="time", by="ticker", direction="nearest")
    price = np.full(len(trades), np.nan)
    price[matched["_pos"].to_numpy()] = matched["price"].to_numpy(dtype=float)
    out = trades.copy()
    out["price"] = price
    return out
