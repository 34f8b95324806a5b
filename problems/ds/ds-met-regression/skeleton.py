import numpy as np


def regression_report(y: np.ndarray, yhat: np.ndarray) -> dict:
    """Return {"mae", "rmse", "r2", "mape"}. MAPE is a fraction that skips rows with
    y == 0 (nan if none are left); R2 is nan when all y are equal. Raise ValueError
    for empty input or different lengths."""
    raise NotImplementedError
