# breaks: zero-margin-raises
import numpy as np


def chi2_independence(table):
    # No check for an all-zero row or column: the statistic silently becomes nan.
    obs = np.asarray(table, dtype=np.float64)
    if obs.ndim != 2 or min(obs.shape) < 2 or np.any(obs < 0):
        raise ValueError("bad table")
    expected = np.outer(obs.sum(axis=1), obs.sum(axis=0)) / obs.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        stat = float(np.sum((obs - expected) ** 2 / expected))
    return stat, (obs.shape[0] - 1) * (obs.shape[1] - 1), expected
