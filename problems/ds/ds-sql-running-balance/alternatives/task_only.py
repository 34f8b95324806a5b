# Written by a second reader from the task text alone (no hints); sort by (account, ts, position).
import numpy as np
import pandas as pd


def running_balance(df, account, ts, amount):
    dtype = df[amount].dtype
    work = pd.DataFrame({
        "acc": df[account].to_numpy(),
        "ts": df[ts].to_numpy(),
        "amt": df[amount].to_numpy(),
        "pos": np.arange(len(df)),
    })
    work = work.sort_values(["acc", "ts", "pos"])
    csum = work.groupby("acc", sort=False)["amt"].cumsum().to_numpy()
    out = np.empty(len(df), dtype=dtype)
    out[work["pos"].to_numpy()] = csum
    return pd.Series(out, index=df.index.copy(), name="balance", dtype=dtype)
