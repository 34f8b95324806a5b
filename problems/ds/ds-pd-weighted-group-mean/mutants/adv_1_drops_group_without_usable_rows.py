# breaks: zero-weight-nan
# adversary a1 wrong_1: drops unusable rows before grouping, so a group with no usable row vanishes
import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Weighted mean per group over the rows left after dropping NaN values/weights."""
    if df.empty:
        raise ValueError("df is empty")
    ok = df.dropna(subset=[value, weight])
    v = ok[value].astype("float64")
    w = ok[weight].astype("float64")
    sums = pd.DataFrame({"num": v * w, "den": w}).groupby(ok[group], sort=True).sum()
    out = sums["num"] / sums["den"].where(sums["den"] > 0)
    out.index.name = group
    return out.rename(value).astype("float64")
