# breaks: one-class-raises
import numpy as np


def roc_auc(y_true, scores):
    # Correct for two classes, but a single class silently gives NaN instead of raising.
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=np.float64)
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    values, inv = np.unique(s, return_inverse=True)
    pc = np.bincount(inv, weights=pos.astype(float), minlength=values.size)
    nc = np.bincount(inv, weights=(~pos).astype(float), minlength=values.size)
    wins = np.sum(pc * (np.cumsum(nc) - nc + 0.5 * nc))
    with np.errstate(all="ignore"):
        return float(np.float64(wins) / np.float64(n_pos * n_neg))
