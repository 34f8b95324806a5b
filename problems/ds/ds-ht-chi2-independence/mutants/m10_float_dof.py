# breaks: result-types
import numpy as np


def chi2_independence(table):
    # dof computed in floating point: a float, not an integer.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or obs.shape[0] < 2 or obs.shape[1] < 2:
        raise ValueError("at least 2 rows and 2 columns")
    if np.any(obs < 0):
        raise ValueError("negative count")
    rows = obs.sum(axis=1)
    cols = obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("a row or a column is all zero")
    expected = np.outer(rows, cols) / obs.sum()
    stat = float(np.sum((obs - expected) ** 2 / expected))
    return stat, np.prod(np.array(obs.shape) - 1.0), expected
