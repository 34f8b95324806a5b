import numpy as np


def average_precision(y_true, scores):
    # Correct when positives exist, but returns 0.0 instead of raising when there are none.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = (y == 1).astype(float)
    if pos.sum() == 0:
        return 0.0
    order = np.argsort(-s, kind="stable")
    s_sorted, tp = s[order], np.cumsum(pos[order])
    last = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    precision = tp[last] / (np.flatnonzero(last) + 1)
    recall = tp[last] / pos.sum()
    return float(np.sum(np.diff(np.r_[0.0, recall]) * precision))
