import math

import pandas as pd


def regression_report(y, yhat):
    # pandas Series arithmetic; R^2 undefined when y has a single distinct value.
    ys = pd.Series(y, dtype="float64")
    fs = pd.Series(yhat, dtype="float64")
    if len(ys) != len(fs) or len(ys) == 0:
        raise ValueError("inputs must be non-empty and of equal length")
    fs.index = ys.index
    err = ys - fs
    mse = (err ** 2).mean()
    r2 = math.nan if ys.nunique() == 1 else 1 - (err ** 2).sum() / ((ys - ys.mean()) ** 2).sum()
    keep = ys != 0
    mape = (err[keep].abs() / ys[keep].abs()).mean() if keep.any() else math.nan
    return {"mae": float(err.abs().mean()), "rmse": math.sqrt(mse), "r2": float(r2), "mape": float(mape)}
