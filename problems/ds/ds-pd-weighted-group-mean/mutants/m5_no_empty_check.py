# breaks: empty-raises
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # No check for an empty frame: returns an empty Series instead of raising.
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    ok = v.notna() & w.notna()
    sums = pd.DataFrame({"vw": (v * w).where(ok, 0.0), "w": w.where(ok, 0.0), "g": df[group]}).groupby("g")[["vw", "w"]].sum()
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    out.index.name = group
    return out.rename(value).astype("float64")
