import numpy as np


def roc_auc(y_true, scores):
    # Count per distinct score: each positive beats every negative with a lower score
    # and half of the negatives with the same score.
    y = np.asarray(y_true)
    s = np.asarray(scores)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("y_true and scores must have the same 1-D shape")
    pos = y == 1
    if pos.all() or not pos.any():
        raise ValueError("both classes are required")
    values, inv = np.unique(s, return_inverse=True)
    pos_count = np.bincount(inv, weights=pos.astype(np.float64), minlength=values.size)
    neg_count = np.bincount(inv, weights=(~pos).astype(np.float64), minlength=values.size)
    neg_below = np.cumsum(neg_count) - neg_count
    wins = np.sum(pos_count * (neg_below + 0.5 * neg_count))
    return float(wins / (pos_count.sum() * neg_count.sum()))
