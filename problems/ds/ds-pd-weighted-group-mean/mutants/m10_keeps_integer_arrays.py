# breaks: float64-result
import numpy as np
import pandas as pd


def weighted_mean(df, group, value, weight):
    # No float cast: integer columns give integer sums, and the NaN placeholder array is integer too.
    if len(df) == 0:
        raise ValueError("empty")
    ok = df[value].notna() & df[weight].notna()
    sums = pd.DataFrame({"vw": (df[value] * df[weight]).where(ok, 0), "w": df[weight].where(ok, 0)}).groupby(df[group]).sum()
    num, den = sums["vw"].to_numpy(), sums["w"].to_numpy()
    out = np.full_like(num, np.nan)
    np.divide(num, den, out=out, where=den > 0, casting="unsafe")
    return pd.Series(out, index=sums.index, name=value)
