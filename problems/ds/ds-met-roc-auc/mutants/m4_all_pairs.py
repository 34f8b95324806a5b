# breaks: fast
import numpy as np


def roc_auc(y_true, scores):
    # Correct values, but compares every positive with every negative: O(n_pos * n_neg).
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("shape mismatch")
    pos_s, neg_s = s[y == 1], s[y != 1]
    if pos_s.size == 0 or neg_s.size == 0:
        raise ValueError("both classes are required")
    total = 0.0
    for p in pos_s:
        total += np.sum(p > neg_s) + 0.5 * np.sum(p == neg_s)
    return float(total / (pos_s.size * neg_s.size))
