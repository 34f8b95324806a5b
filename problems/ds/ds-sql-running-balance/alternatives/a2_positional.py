import numpy as np
import pandas as pd


def running_balance(df, account, ts, amount):
    # Sort by (account, time, position) with lexsort, cumsum per group, then scatter back by position.
    codes, _ = pd.factorize(df[account])
    pos = np.arange(len(df))
    order = np.lexsort((pos, df[ts].to_numpy(), codes))
    sorted_vals = df[amount].iloc[order].reset_index(drop=True)
    sums = sorted_vals.groupby(codes[order]).cumsum().to_numpy()
    out = np.empty_like(sums)
    out[order] = sums
    return pd.Series(out, index=df.index, name="balance")
