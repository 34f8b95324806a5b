# breaks: weighted-formula
import pandas as pd


def weighted_mean(df, group, value, weight):
    if len(df) == 0:
        raise ValueError("df has no rows")
    ok = df[value].notna() & df[weight].notna()
    sub = df[ok]
    vw = (sub[value] * sub[weight]).groupby(sub[group]).sum()
    n = sub.groupby(group).size()
    out = (vw / n).reindex(sorted(df[group].unique())).astype("float64")
    out.index.name = group
    out.name = value
    return out
