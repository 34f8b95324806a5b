# breaks: input-unchanged
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # Casts the caller's value and weight columns to float64 in place (invisible when they already were).
    if len(df) == 0:
        raise ValueError("empty")
    df[value] = df[value].astype("float64")
    df[weight] = df[weight].astype("float64")
    ok = df[value].notna() & df[weight].notna()
    sums = pd.DataFrame({"vw": (df[value] * df[weight]).where(ok, 0.0), "w": df[weight].where(ok, 0.0)}).groupby(df[group]).sum()
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    return out.rename(value).astype("float64")
