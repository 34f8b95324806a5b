from statistics import NormalDist

import pandas as pd


def mean_ci(x, conf=0.95):
    # pandas: Series.sem() is the standard error with ddof=1.
    s = pd.Series(x, dtype="float64")
    if len(s) < 2:
        raise ValueError("need at least two values")
    if conf <= 0 or conf >= 1:
        raise ValueError("conf must be in (0, 1)")
    z = NormalDist(mu=0.0, sigma=1.0).inv_cdf((1 + conf) / 2)
    m, se = s.mean(), s.sem()
    return float(m - z * se), float(m + z * se)
