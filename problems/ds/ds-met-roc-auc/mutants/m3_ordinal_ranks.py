# breaks: ties-half
import numpy as np


def roc_auc(y_true, scores):
    # Rank-sum formula, but tied scores get distinct ranks in input order instead of their average.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    if y.shape != s.shape or y.ndim != 1:
        raise ValueError("shape mismatch")
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if n_pos == 0 or n_neg == 0:
        raise ValueError("both classes are required")
    ranks = np.empty(s.size, dtype=np.float64)
    ranks[np.argsort(s, kind="stable")] = np.arange(1, s.size + 1)
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
