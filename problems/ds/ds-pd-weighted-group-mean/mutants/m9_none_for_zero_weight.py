# breaks: float64-result
import pandas as pd


def weighted_mean(df, group, value, weight):
    # None for a zero-weight group and no dtype: float64 while one group has weight, object when none has.
    if len(df) == 0:
        raise ValueError("empty")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    ok = v.notna() & w.notna()
    sums = pd.DataFrame({"vw": (v * w).where(ok, 0.0), "w": w.where(ok, 0.0)}).groupby(df[group]).sum()
    vals = [n / d if d != 0 else None for n, d in zip(sums["vw"], sums["w"])]
    return pd.Series(vals, index=sums.index, name=value)
