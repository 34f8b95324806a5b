import bisect

import numpy as np


def attach_last_quote(trades, quotes):
    # Plain Python: per ticker, sorted quote times, then a binary search for every trade.
    book = {}
    for tk, t, p in zip(quotes["ticker"].tolist(), quotes["time"].tolist(), quotes["price"].tolist()):
        book.setdefault(tk, []).append((t, p))
    for tk in book:
        book[tk].sort(key=lambda tp: tp[0])
    times = {tk: [t for t, _ in rows] for tk, rows in book.items()}
    prices = []
    for tk, t in zip(trades["ticker"].tolist(), trades["time"].tolist()):
        if tk not in book:
            prices.append(np.nan)
            continue
        i = bisect.bisect_right(times[tk], t)
        prices.append(book[tk][i - 1][1] if i > 0 else np.nan)
    out = trades.copy()
    out["price"] = np.array(prices, dtype=np.float64)
    return out
