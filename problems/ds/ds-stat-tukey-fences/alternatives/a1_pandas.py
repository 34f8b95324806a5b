import numpy as np
import pandas as pd


def tukey_outliers(x, k=1.5):
    # pandas quantiles (linear by default) and a between() test with inclusive fences.
    if k < 0:
        raise ValueError("negative k")
    s = pd.Series(x, dtype="float64")
    if s.empty:
        raise ValueError("empty input")
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    inside = s.between(q1 - k * (q3 - q1), q3 + k * (q3 - q1), inclusive="both")
    return (~inside).to_numpy(dtype=bool)
