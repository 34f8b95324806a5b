# breaks: no-yates
import numpy as np


def chi2_independence(table):
    # Applies the Yates continuity correction to 2 x 2 tables (scipy's default), which the task excludes.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or min(obs.shape) < 2 or np.any(obs < 0):
        raise ValueError("bad table")
    rows, cols = obs.sum(axis=1), obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("zero margin")
    expected = np.outer(rows, cols) / obs.sum()
    dev = np.abs(obs - expected)
    if obs.shape == (2, 2):
        dev = np.maximum(dev - 0.5, 0.0)
    stat = float(np.sum(dev ** 2 / expected))
    return stat, (obs.shape[0] - 1) * (obs.shape[1] - 1), expected
