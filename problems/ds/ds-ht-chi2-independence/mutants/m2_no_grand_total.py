# breaks: expected-margins
import numpy as np


def chi2_independence(table):
    # Expected counts = row total * column total, forgetting to divide by the grand total.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or min(obs.shape) < 2 or np.any(obs < 0):
        raise ValueError("bad table")
    rows, cols = obs.sum(axis=1), obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("zero margin")
    expected = np.outer(rows, cols)
    stat = float(np.sum((obs - expected) ** 2 / expected))
    return stat, (obs.shape[0] - 1) * (obs.shape[1] - 1), expected
