import numpy as np


def average_precision(y_true, scores):
    # Trapezoidal area under the precision-recall curve (starting at recall 0, precision 1).
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if s.shape != y.shape:
        raise ValueError("shape mismatch")
    pos = (y == 1).astype(float)
    if pos.sum() == 0:
        raise ValueError("no positives")
    order = np.argsort(-s, kind="stable")
    s_sorted, tp = s[order], np.cumsum(pos[order])
    last = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    precision = np.r_[1.0, tp[last] / (np.flatnonzero(last) + 1)]
    recall = np.r_[0.0, tp[last] / pos.sum()]
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))
