import math

import pandas as pd


def weighted_mean(df, group, value, weight):
    # Plain Python accumulation per group, then a Series indexed by the sorted keys.
    if len(df) == 0:
        raise ValueError("df has no rows")
    num, den = {}, {}
    for g, v, w in zip(df[group].tolist(), df[value].tolist(), df[weight].tolist()):
        num.setdefault(g, 0.0)
        den.setdefault(g, 0.0)
        if v is None or w is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(w, float) and math.isnan(w)):
            continue
        num[g] += float(v) * float(w)
        den[g] += float(w)
    keys = sorted(num)
    vals = [num[k] / den[k] if den[k] != 0 else float("nan") for k in keys]
    idx = pd.Index(keys, dtype=df[group].dtype, name=group)
    return pd.Series(vals, index=idx, name=value, dtype="float64")
