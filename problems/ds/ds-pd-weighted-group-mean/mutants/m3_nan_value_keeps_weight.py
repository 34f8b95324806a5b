# breaks: usable-rows
import numpy as np


def weighted_mean(df, group, value, weight):
    # Skips NaN in the numerator only: a NaN value still adds its weight to the denominator.
    if len(df) == 0:
        raise ValueError("df has no rows")
    vw = (df[value] * df[weight]).groupby(df[group]).sum()
    w = df[weight].groupby(df[group]).sum()
    out = (vw / w.replace(0, np.nan)).astype("float64")
    out.name = value
    return out
