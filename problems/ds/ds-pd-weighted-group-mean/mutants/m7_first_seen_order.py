# breaks: sorted-keys
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # groupby(sort=False): groups in order of first appearance, not sorted.
    if len(df) == 0:
        raise ValueError("empty")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    ok = v.notna() & w.notna()
    parts = pd.DataFrame({"vw": (v * w).where(ok, 0.0), "w": w.where(ok, 0.0), group: df[group]})
    sums = parts.groupby(group, sort=False)[["vw", "w"]].sum()
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    return out.rename(value).astype("float64")
