import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Per-group sum(v*w)/sum(w) over rows where both v and w are present; zero total weight gives NaN."""
    if len(df) == 0:
        raise ValueError("df has no rows")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    ok = v.notna() & w.notna()
    vw = (v * w).where(ok, 0.0)
    w = w.where(ok, 0.0)
    parts = pd.DataFrame({"vw": vw, "w": w, "g": df[group]})
    sums = parts.groupby("g", sort=True)[["vw", "w"]].sum()
    num = sums["vw"].to_numpy()
    den = sums["w"].to_numpy()
    out = np.full(len(den), np.nan)
    nz = den != 0
    out[nz] = num[nz] / den[nz]
    index = sums.index.copy()
    index.name = group
    return pd.Series(out, index=index, name=value, dtype="float64")
