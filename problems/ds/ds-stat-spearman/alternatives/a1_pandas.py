import pandas as pd


def spearman(x, y):
    # pandas: Series.rank(method="average") then Series.corr (Pearson).
    sx = pd.Series(x, dtype="float64")
    sy = pd.Series(y, dtype="float64")
    if len(sx) != len(sy) or len(sx) < 2:
        raise ValueError("need two equal-length samples of size >= 2")
    if sx.nunique() == 1 or sy.nunique() == 1:
        return float("nan")
    return float(sx.rank(method="average").corr(sy.rank(method="average")))
