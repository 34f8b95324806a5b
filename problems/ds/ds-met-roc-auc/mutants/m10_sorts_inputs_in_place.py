# breaks: inputs-unchanged
import numpy as np


def roc_auc(y_true, scores):
    # Sorts both arrays in place by score before counting.
    y, s = y_true, scores
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("shape mismatch")
    order = np.argsort(s, kind="stable")
    s[:] = s[order]
    y[:] = y[order]
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are required")
    values, inv = np.unique(s, return_inverse=True)
    pc = np.bincount(inv, weights=pos.astype(float), minlength=values.size)
    nc = np.bincount(inv, weights=(~pos).astype(float), minlength=values.size)
    return float(np.sum(pc * (np.cumsum(nc) - nc + 0.5 * nc)) / (n_pos * n_neg))
