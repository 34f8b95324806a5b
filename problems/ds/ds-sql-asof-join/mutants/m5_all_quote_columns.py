import numpy as np
import pandas as pd


def attach_last_quote(trades, quotes):
    # Wrong: attaches every quote column (e.g. size), not just price.
    left = trades.assign(_pos=np.arange(len(trades))).sort_values("time", kind="stable")
    right = quotes.sort_values("time", kind="stable")
    matched = pd.merge_asof(left, right, on="time", by="ticker")
    matched = matched.sort_values("_pos").drop(columns="_pos")
    matched.index = trades.index
    return matched
