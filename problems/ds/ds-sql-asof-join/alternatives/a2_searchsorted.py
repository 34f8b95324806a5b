import numpy as np
import pandas as pd


def attach_last_quote(trades, quotes):
    # NumPy: per ticker group, searchsorted on the sorted quote times (side="right" includes ties).
    price = np.full(len(trades), np.nan)
    t_ticker = trades["ticker"].to_numpy()
    t_time = trades["time"].to_numpy()
    for tk, q in quotes.groupby("ticker", sort=False):
        q = q.sort_values("time")
        qt = q["time"].to_numpy()
        qp = q["price"].to_numpy(dtype=float)
        rows = np.flatnonzero(t_ticker == tk)
        if rows.size == 0:
            continue
        j = np.searchsorted(qt, t_time[rows], side="right") - 1
        ok = j >= 0
        price[rows[ok]] = qp[j[ok]]
    out = trades.copy()
    out["price"] = price
    return out
