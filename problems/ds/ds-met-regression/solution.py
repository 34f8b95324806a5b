import numpy as np


def regression_report(y, yhat) -> dict:
    """MAE, RMSE, R^2 (nan for constant y) and MAPE (fraction, rows with y == 0 skipped)."""
    y = np.asarray(y, dtype=np.float64)
    f = np.asarray(yhat, dtype=np.float64)
    if y.ndim != 1 or f.shape != y.shape:
        raise ValueError("y and yhat must be 1-D with the same length")
    if y.size == 0:
        raise ValueError("empty input")
    err = y - f
    ss_res = float(np.sum(err ** 2))
    ss_tot = float(np.sum((y - y.mean()) ** 2))
    nz = y != 0
    return {
        "mae": float(np.mean(np.abs(err))),
        "rmse": float(np.sqrt(ss_res / y.size)),
        "r2": float("nan") if np.all(y == y[0]) else 1.0 - ss_res / ss_tot,
        "mape": float(np.mean(np.abs(err[nz]) / np.abs(y[nz]))) if nz.any() else float("nan"),
    }
