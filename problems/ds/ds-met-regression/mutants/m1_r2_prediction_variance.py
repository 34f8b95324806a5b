import numpy as np


def regression_report(y, yhat):
    # R^2 denominator uses the spread of the predictions instead of the spread of y.
    y = np.asarray(y, dtype=float)
    f = np.asarray(yhat, dtype=float)
    if y.shape != f.shape or y.size == 0:
        raise ValueError("bad input")
    err = y - f
    nz = y != 0
    const = np.all(y == y[0])
    r2 = np.nan if const else 1 - np.sum(err ** 2) / np.sum((f - f.mean()) ** 2)
    mape = np.mean(np.abs(err[nz]) / np.abs(y[nz])) if nz.any() else np.nan
    return {"mae": float(np.mean(np.abs(err))), "rmse": float(np.sqrt(np.mean(err ** 2))),
            "r2": float(r2), "mape": float(mape)}
