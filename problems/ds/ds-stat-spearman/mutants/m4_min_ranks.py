import numpy as np
import pandas as pd


def spearman(x, y):
    # Ties share the lowest rank of their group ("competition" ranking) instead of the average.
    sx = pd.Series(x, dtype="float64")
    sy = pd.Series(y, dtype="float64")
    if len(sx) != len(sy) or len(sx) < 2:
        raise ValueError("bad input")
    if sx.nunique() == 1 or sy.nunique() == 1:
        return float("nan")
    return float(np.corrcoef(sx.rank(method="min"), sy.rank(method="min"))[0, 1])
