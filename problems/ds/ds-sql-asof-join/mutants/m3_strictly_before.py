import numpy as np
import pandas as pd


def attach_last_quote(trades, quotes):
    # Wrong: a quote with exactly the trade's time is not matched.
    left = trades[["ticker", "time"]].assign(_pos=np.arange(len(trades))).sort_values("time", kind="stable")
    right = quotes[["ticker", "time", "price"]].sort_values("time", kind="stable")
    matched = pd.merge_asof(left, right, on="time", by="ticker", allow_exact_matches=False)
    price = np.full(len(trades), np.nan)
    price[matched["_pos"].to_numpy()] = matched["price"].to_numpy(dtype=float)
    out = trades.copy()
    out["price"] = price
    return out
