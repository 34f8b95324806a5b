# breaks: negative-raises
import numpy as np


def chi2_independence(table):
    # No check for negative counts.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or obs.shape[0] < 2 or obs.shape[1] < 2:
        raise ValueError("at least 2 rows and 2 columns")
    rows = obs.sum(axis=1)
    cols = obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("a row or a column is all zero")
    expected = np.outer(rows, cols) / obs.sum()
    stat = float(np.sum((obs - expected) ** 2 / expected))
    return stat, (obs.shape[0] - 1) * (obs.shape[1] - 1), expected
