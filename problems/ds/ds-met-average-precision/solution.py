import numpy as np


def average_precision(y_true, scores) -> float:
    """AP = sum_k (R_k - R_{k-1}) * P_k over distinct score thresholds (ties enter together)."""
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.ndim != 1 or s.shape != y.shape:
        raise ValueError("y_true and scores must be 1-D arrays of the same length")
    pos = (y == 1).astype(np.float64)
    n_pos = pos.sum()
    if n_pos == 0:
        raise ValueError("y_true has no positives")
    order = np.argsort(-s, kind="stable")
    s_sorted, pos_sorted = s[order], pos[order]
    tp = np.cumsum(pos_sorted)
    # Last row of each block of equal scores = one threshold.
    last = np.r_[s_sorted[1:] != s_sorted[:-1], True]
    tp_k = tp[last]
    n_pred = (np.flatnonzero(last) + 1).astype(np.float64)
    precision = tp_k / n_pred
    recall = tp_k / n_pos
    d_recall = np.diff(np.r_[0.0, recall])
    return float(np.sum(d_recall * precision))
