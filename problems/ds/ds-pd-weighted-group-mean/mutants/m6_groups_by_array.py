# breaks: labels
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # Groups by the key column's values as an array: the index loses its name.
    if len(df) == 0:
        raise ValueError("empty")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    ok = v.notna() & w.notna()
    parts = pd.DataFrame({"vw": (v * w).where(ok, 0.0), "w": w.where(ok, 0.0)})
    sums = parts.groupby(df[group].to_numpy()).sum()
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    return out.rename(value).astype("float64")
