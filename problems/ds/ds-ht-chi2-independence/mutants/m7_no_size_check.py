# breaks: size-raises
import numpy as np


def chi2_independence(table):
    # Checks the dimension but not the number of rows and columns: a 1 x c table gives stat 0, dof 0.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2:
        raise ValueError("table must be 2-D")
    if np.any(obs < 0):
        raise ValueError("negative count")
    rows = obs.sum(axis=1)
    cols = obs.sum(axis=0)
    if np.any(rows == 0) or np.any(cols == 0):
        raise ValueError("a row or a column is all zero")
    expected = np.outer(rows, cols) / obs.sum()
    stat = float(np.sum((obs - expected) ** 2 / expected))
    return stat, (obs.shape[0] - 1) * (obs.shape[1] - 1), expected
