# breaks: ties-half
import numpy as np


def roc_auc(y_true, scores):
    # Counts only strict wins: a tie between a positive and a negative counts 0 instead of 1/2.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("shape mismatch")
    pos = y == 1
    if pos.all() or not pos.any():
        raise ValueError("both classes are required")
    neg_sorted = np.sort(s[~pos])
    wins = np.searchsorted(neg_sorted, s[pos], side="left").sum()
    return float(wins / (pos.sum() * (~pos).sum()))
