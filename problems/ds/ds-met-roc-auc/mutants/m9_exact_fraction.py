# breaks: float-result
from fractions import Fraction

import numpy as np


def roc_auc(y_true, scores):
    # Computes the AUC "exactly" as a Fraction and returns the Fraction.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are required")
    values, inv = np.unique(s, return_inverse=True)
    pc = np.bincount(inv, weights=pos.astype(float), minlength=values.size)
    nc = np.bincount(inv, weights=(~pos).astype(float), minlength=values.size)
    twice_wins = int(round(np.sum(pc * (2 * (np.cumsum(nc) - nc) + nc))))
    return Fraction(twice_wins, 2 * n_pos * n_neg)
