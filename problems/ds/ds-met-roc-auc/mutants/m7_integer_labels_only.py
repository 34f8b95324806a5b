# breaks: label-dtypes
import numpy as np


def roc_auc(y_true, scores):
    # Over-strict validation: refuses labels that are not of an integer dtype (booleans are allowed).
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.dtype.kind not in "iu":
        raise TypeError("y_true must hold integer labels 0 and 1")
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are required")
    values, inv = np.unique(s, return_inverse=True)
    pc = np.bincount(inv, weights=pos.astype(float), minlength=values.size)
    nc = np.bincount(inv, weights=(~pos).astype(float), minlength=values.size)
    return float(np.sum(pc * (np.cumsum(nc) - nc + 0.5 * nc)) / (n_pos * n_neg))
