# breaks: weighted-formula
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # Multiplies the columns as they come: int64 values times int64 weights overflow for large amounts.
    if len(df) == 0:
        raise ValueError("empty")
    ok = df[value].notna() & df[weight].notna()
    parts = pd.DataFrame({"vw": (df[value] * df[weight]).where(ok, 0), "w": df[weight].where(ok, 0)})
    sums = parts.groupby(df[group]).sum().astype("float64")
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    return out.rename(value)
