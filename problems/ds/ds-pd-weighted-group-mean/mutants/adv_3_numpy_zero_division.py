# breaks: no-warning
# adversary a1 wrong_3: divides NumPy arrays, so a zero-weight group emits 'invalid value encountered in divide'
import numpy as np
import pandas as pd


def weighted_mean(df: pd.DataFrame, group: str, value: str, weight: str) -> pd.Series:
    """Weighted mean per group; the final division is done on NumPy arrays (0/0 -> nan)."""
    if df.empty:
        raise ValueError("df is empty")
    v = df[value].astype("float64")
    w = df[weight].astype("float64")
    usable = v.notna() & w.notna()
    sums = pd.DataFrame({"num": (v * w).where(usable, 0.0), "den": w.where(usable, 0.0)}).groupby(
        df[group], sort=True).sum()
    ratio = sums["num"].to_numpy() / sums["den"].to_numpy()
    index = sums.index.copy()
    index.name = group
    return pd.Series(ratio, index=index, name=value, dtype="float64")
