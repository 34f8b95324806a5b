import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Per-group sum(v*w)/sum(w) over rows where value and weight are both present.

    Groups with total weight 0 give NaN. Returns a float64 Series indexed by the sorted group
    keys (index named `group`), named `value`. Raises ValueError for an empty df.
    """
    if len(df) == 0:
        raise ValueError("df is empty")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    usable = v.notna() & w.notna()
    num = (v * w).where(usable, 0.0)
    den = w.where(usable, 0.0)
    sums = pd.DataFrame({"num": num, "den": den}).groupby(df[group], sort=True).sum()
    n = sums["num"].to_numpy()
    d = sums["den"].to_numpy()
    out = np.full(n.shape, np.nan)
    np.divide(n, d, out=out, where=d > 0)
    index = sums.index.copy()
    index.name = group
    return pd.Series(out, index=index, name=value, dtype="float64")
