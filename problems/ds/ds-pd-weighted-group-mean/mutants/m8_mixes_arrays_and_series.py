# breaks: any-index
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # Builds the helper frame from arrays (a fresh RangeIndex) but groups it by df[group], which pandas
    # aligns on df's index: right only when df has the default index.
    if len(df) == 0:
        raise ValueError("empty")
    v = df[value].to_numpy(dtype="float64")
    w = df[weight].to_numpy(dtype="float64")
    ok = ~np.isnan(v) & ~np.isnan(w)
    parts = pd.DataFrame({"vw": np.where(ok, v * w, 0.0), "w": np.where(ok, w, 0.0)})
    sums = parts.groupby(df[group]).sum()
    out = sums["vw"] / sums["w"].where(sums["w"] != 0)
    return out.rename(value).astype("float64")
