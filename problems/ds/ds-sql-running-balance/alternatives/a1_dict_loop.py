import numpy as np
import pandas as pd


def running_balance(df, account, ts, amount):
    # Plain Python: visit rows in (time, position) order and keep one running total per account.
    accts = df[account].tolist()
    times = df[ts].tolist()
    amts = df[amount].to_numpy()
    order = sorted(range(len(df)), key=lambda i: (times[i], i))
    totals = {}
    out = np.empty(len(df), dtype=amts.dtype)
    for i in order:
        totals[accts[i]] = totals.get(accts[i], 0) + amts[i]
        out[i] = totals[accts[i]]
    return pd.Series(out, index=df.index, name="balance")
