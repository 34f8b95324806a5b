import numpy as np


def regression_report(y, yhat):
    # "RMSE" returned without the square root (that is the MSE).
    y = np.asarray(y, dtype=float)
    f = np.asarray(yhat, dtype=float)
    if y.shape != f.shape or y.size == 0:
        raise ValueError("bad input")
    err = y - f
    nz = y != 0
    r2 = np.nan if np.all(y == y[0]) else 1 - np.sum(err ** 2) / np.sum((y - y.mean()) ** 2)
    mape = np.mean(np.abs(err[nz]) / np.abs(y[nz])) if nz.any() else np.nan
    return {"mae": float(np.mean(np.abs(err))), "rmse": float(np.mean(err ** 2)),
            "r2": float(r2), "mape": float(mape)}
